package dev.reelwright.providers.runway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.Secret;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.runway.api.ImageToVideoRequest;
import dev.reelwright.providers.runway.api.Task;
import dev.reelwright.providers.runway.api.TextToVideoRequest;
import dev.reelwright.providers.spi.VendorContext;
import java.net.URI;
import java.util.Map;

/**
 * Runway's HTTP API and JSON, nothing else (PROVIDERS.md §4, vendor-specs/runway.yaml): every request carries
 * {@code Authorization: Bearer <key>} and {@code X-Runway-Version: 2024-11-06}. The key is read per request, so a
 * generator can be built (and listed) before a key is set.
 */
public final class RunwayClient {
    /** The API version header the SDK still sends by default (2026-07). */
    public static final String API_VERSION = "2024-11-06";

    private final VendorContext context;
    private final VendorHttp http;
    private final URI base;
    private final RunwayErrors errors;

    public RunwayClient(VendorContext context, URI base) {
        this.context = context;
        this.http = context.http(RunwayModule.VENDOR);
        this.base = base;
        this.errors = new RunwayErrors(context.keyVariable(RunwayModule.VENDOR, RunwayModule.KEY_VARIABLE), context.clock());
    }

    /** Starts an image-to-video task; returns its id. A paid POST: a lost reply is STATUS_UNKNOWN, never retried blindly. */
    public String imageToVideo(ImageToVideoRequest body) {
        return created(http.postJson(uri("/v1/image_to_video"), headers(), body, false));
    }

    /** Starts a text-to-video task; returns its id. */
    public String textToVideo(TextToVideoRequest body) {
        return created(http.postJson(uri("/v1/text_to_video"), headers(), body, false));
    }

    public Task task(String id) {
        HttpReply reply = http.get(uri("/v1/tasks/" + VendorHttp.encode(id)), headers());
        if (!reply.ok()) throw errors.from(reply);
        return Task.from(reply.json());
    }

    /**
     * Cancels a running task or deletes a finished one ({@code DELETE /v1/tasks/{id}}: 204 per runway.yaml, derived
     * from the SDK; any 2xx is taken).
     */
    public void delete(String id) {
        HttpReply reply = http.delete(uri("/v1/tasks/" + VendorHttp.encode(id)), headers());
        if (!reply.ok() && reply.status() != 404) throw errors.from(reply);
    }

    /** {@code GET /v1/organization}: credit balance and tier, the cheapest authenticated call. */
    public JsonNode organization() {
        HttpReply reply = http.get(uri("/v1/organization"), headers());
        if (!reply.ok()) throw errors.from(reply);
        return reply.json();
    }

    private String created(HttpReply reply) {
        if (!reply.ok()) throw errors.from(reply);
        String id = reply.json().path("id").asText("");
        if (id.isBlank()) {
            throw VendorException.of(RunwayModule.VENDOR, Kind.STATUS_UNKNOWN,
                    "Runway accepted the task but returned no id (" + reply.excerpt() + ")");
        }
        return id;
    }

    private Map<String, String> headers() {
        Secret key = context.requireKey(RunwayModule.VENDOR, RunwayModule.KEY_VARIABLE);
        return Map.of("Authorization", "Bearer " + key.reveal(), "X-Runway-Version", API_VERSION, "Accept", "application/json");
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }
}
