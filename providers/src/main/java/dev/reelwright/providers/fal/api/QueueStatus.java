package dev.reelwright.providers.fal.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * fal's queue answer, to a submit and to a status request (PROVIDERS.md §1; vendor-specs/fal.json {@code QueueStatus}):
 * {@code status} is {@code IN_QUEUE | IN_PROGRESS | COMPLETED}. A failed request also ends {@code COMPLETED}, with
 * {@code error} and {@code error_type} set. Read from a tree so that fields fal adds later are ignored.
 */
public record QueueStatus(String status, String requestId, String statusUrl, String responseUrl, String cancelUrl,
                          Integer queuePosition, String error, String errorType) {
    public static final String IN_QUEUE = "IN_QUEUE";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";

    public static QueueStatus from(JsonNode body) {
        return new QueueStatus(text(body, "status"), text(body, "request_id"), text(body, "status_url"), text(body, "response_url"),
                text(body, "cancel_url"), body.path("queue_position").isIntegralNumber() ? body.path("queue_position").asInt() : null,
                text(body, "error"), text(body, "error_type"));
    }

    /** Whether the request ended in failure (fal reports that as COMPLETED plus an error). */
    public boolean failed() {
        return error != null || errorType != null;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }
}
