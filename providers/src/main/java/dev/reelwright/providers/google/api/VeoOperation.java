package dev.reelwright.providers.google.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Veo long-running operation as either API reports it, read leniently from JSON (Google adds fields). Vertex AI
 * puts results at {@code response.videos[]} ({@code gcsUri} or {@code bytesBase64Encoded}); the Gemini API at
 * {@code response.generateVideoResponse.generatedSamples[].video} ({@code uri}, or {@code encodedVideo} inline).
 * Safety filtering is not an error: the operation is done with fewer videos and a {@code raiMediaFilteredCount}.
 *
 * @param error the operation's {@code error} (a {@code google.rpc.Status}: gRPC code number and message), or null
 */
public record VeoOperation(String name, boolean done, Status error, List<Video> videos, int raiMediaFilteredCount,
                           List<String> raiMediaFilteredReasons) {

    public VeoOperation {
        videos = List.copyOf(videos);
        raiMediaFilteredReasons = List.copyOf(raiMediaFilteredReasons);
    }

    /** {@code google.rpc.Status}: {@code code} is the gRPC code number (3 = INVALID_ARGUMENT), not an HTTP status. */
    public record Status(int code, String message) {}

    /** One generated video: exactly one of a Files API {@code uri}, a {@code gcsUri} or inline base64 bytes. */
    public record Video(String uri, String gcsUri, String bytesBase64Encoded, String mimeType) {}

    public static VeoOperation from(JsonNode node) {
        JsonNode response = node.path("response");
        JsonNode gemini = response.path("generateVideoResponse");
        List<Video> videos = new ArrayList<>();
        for (JsonNode video : response.path("videos")) {
            videos.add(new Video(null, text(video, "gcsUri"), text(video, "bytesBase64Encoded"), text(video, "mimeType")));
        }
        for (JsonNode sample : gemini.path("generatedSamples")) {
            JsonNode video = sample.path("video");
            videos.add(new Video(text(video, "uri"), null, text(video, "encodedVideo"), text(video, "encoding")));
        }
        JsonNode rai = gemini.isObject() ? gemini : response;
        List<String> reasons = new ArrayList<>();
        for (JsonNode reason : rai.path("raiMediaFilteredReasons")) reasons.add(reason.asText());
        JsonNode error = node.path("error");
        Status status = error.isObject() ? new Status(error.path("code").asInt(0), error.path("message").asText("")) : null;
        return new VeoOperation(node.path("name").asText(""), node.path("done").asBoolean(false), status, videos,
                rai.path("raiMediaFilteredCount").asInt(0), reasons);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
