package dev.reelwright.providers.fal;

import dev.reelwright.core.model.ProviderSettings;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import dev.reelwright.providers.testing.FakeTime;
import dev.reelwright.providers.testing.TestContexts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * fal's protocol as the fake speaks it (PROVIDERS.md §1): queue answers with the URLs fal returns (the short
 * {@code owner/alias} form, on the fake's own host), CDN upload tickets, and the media bytes the verifier accepts.
 */
final class FalFake {
    static final String KEY = "fal-key-id-0001:fal-key-secret-0002";

    private FalFake() {}

    static Map<String, String> env() {
        return Map.of("FAL_KEY", KEY);
    }

    /** {@code /owner/alias/requests/{id}} on the fake. */
    static String requestPath(String endpointId, String requestId) {
        return "/" + FalEndpoint.appPath(endpointId) + "/requests/" + requestId;
    }

    /** The submit answer: {@code IN_QUEUE} with request_id and the three URLs. */
    static Answer queued(FakeServer server, String endpointId, String requestId) {
        return Answer.json(200, status(server, endpointId, requestId, "IN_QUEUE", ",\"queue_position\":0"));
    }

    static Answer inQueue(FakeServer server, String endpointId, String requestId, int position) {
        return Answer.json(202, status(server, endpointId, requestId, "IN_QUEUE", ",\"queue_position\":" + position));
    }

    static Answer inProgress(FakeServer server, String endpointId, String requestId) {
        return Answer.json(202, status(server, endpointId, requestId, "IN_PROGRESS", ",\"logs\":null"));
    }

    static Answer completed(FakeServer server, String endpointId, String requestId) {
        return Answer.json(200, status(server, endpointId, requestId, "COMPLETED", ",\"metrics\":{\"inference_time\":41.5}"));
    }

    /** A failed request: still COMPLETED, with error and error_type. */
    static Answer completedWithError(FakeServer server, String endpointId, String requestId, String error, String errorType) {
        return Answer.json(200, status(server, endpointId, requestId, "COMPLETED",
                ",\"error\":\"" + error + "\",\"error_type\":\"" + errorType + "\""));
    }

    static String status(FakeServer server, String endpointId, String requestId, String status, String extra) {
        String base = server.baseUrl() + requestPath(endpointId, requestId);
        return "{\"status\":\"" + status + "\",\"request_id\":\"" + requestId + "\",\"gateway_request_id\":\"" + requestId + "\","
                + "\"response_url\":\"" + base + "\",\"status_url\":\"" + base + "/status\",\"cancel_url\":\"" + base + "/cancel\"" + extra + "}";
    }

    /** Routes the two upload steps: initiate (on the storage host) answers a ticket whose upload_url is on {@code uploads}. */
    static void uploads(FakeServer storage, FakeServer uploads, String... names) {
        List<Answer> tickets = new ArrayList<>();
        for (String name : names) {
            tickets.add(Answer.json(200, "{\"upload_url\":\"" + uploads.baseUrl() + "/put/" + name + "?X-Goog-Signature=abc\","
                    + "\"file_url\":\"https://v3b.fal.media/files/b/" + name + "\"}"));
            uploads.on("PUT", "/put/" + name, Answer.json(200, "{}"));
        }
        storage.on("POST", "/storage/upload/initiate", tickets.toArray(Answer[]::new));
    }

    static byte[] wav() {
        byte[] bytes = new byte[64];
        System.arraycopy("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 16);
        return bytes;
    }

    static byte[] mp3() {
        byte[] bytes = new byte[64];
        System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 3);
        return bytes;
    }

    static String json(String text) {
        return text.replace('\'', '"');
    }

    /** A context on the fake whose clock only advances with the poll loop's sleeps, and whose job timeout is {@code seconds}. */
    static VendorContext timed(FakeServer server, FakeTime time, int seconds, TestContexts.Recorder jobs) {
        return new VendorContext(env(), Map.of("fal", new ProviderSettings(server.baseUrl().toString(), null, seconds)),
                VendorHttp.defaultClient(), time, time, RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, jobs);
    }
}
