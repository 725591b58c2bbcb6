package dev.reelwright.providers.runway.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/tasks/{id}} (vendor-specs/runway.yaml {@code TaskRetrieveResponse}), read leniently from the JSON
 * tree: Runway adds fields, and a status we do not know yet must not break a poll.
 *
 * @param status      PENDING, THROTTLED, RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param progress    0..1 while RUNNING, else -1
 * @param output      result URLs when SUCCEEDED (they expire in 24–48 h)
 * @param failure     human text when FAILED
 * @param failureCode e.g. {@code SAFETY.INPUT.TEXT}, may be null
 */
public record Task(String id, String status, double progress, List<String> output, String failure, String failureCode) {
    public Task {
        output = List.copyOf(output);
    }

    public static Task from(JsonNode json) {
        List<String> output = new ArrayList<>();
        for (JsonNode url : json.path("output")) {
            if (url.isTextual() && !url.asText().isBlank()) output.add(url.asText());
        }
        JsonNode progress = json.path("progress");
        return new Task(json.path("id").asText(""), json.path("status").asText(""),
                progress.isNumber() ? progress.asDouble() : -1, output,
                text(json.path("failure")), text(json.path("failureCode")));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
