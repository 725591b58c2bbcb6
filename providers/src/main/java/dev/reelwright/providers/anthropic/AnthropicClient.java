package dev.reelwright.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.providers.anthropic.api.MessagesApi;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.Retrying;
import dev.reelwright.providers.http.Secret;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.http.WireJson;
import dev.reelwright.providers.spi.VendorContext;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP and JSON for Anthropic, nothing else: {@code POST /v1/messages} and {@code GET /v1/models} under the base URL,
 * with {@code x-api-key} and {@code anthropic-version: 2023-06-01}, replies checked through {@link AnthropicErrors}.
 * Messages are retried a few times on rate limits and outages (429, 5xx, 529), as Anthropic's SDK does.
 */
public final class AnthropicClient {
    static final String KEY_VARIABLE = "ANTHROPIC_API_KEY";
    static final String VERSION = "2023-06-01";

    private final VendorContext context;
    private final URI base;
    private final AnthropicErrors errors;
    private final VendorHttp quick;
    private final VendorHttp slow;
    private final Retrying retrying;

    public AnthropicClient(VendorContext context, URI base) {
        this.context = context;
        this.base = base;
        this.errors = new AnthropicErrors(context.keyVariable(AnthropicErrors.VENDOR, KEY_VARIABLE), context.clock());
        this.quick = context.http(AnthropicErrors.VENDOR);
        // A storyboard of several thousand tokens takes longer than one ordinary request may.
        this.slow = new VendorHttp(AnthropicErrors.VENDOR, context.httpClient(), Duration.ofMinutes(5));
        this.retrying = Retrying.sdkDefaults(AnthropicErrors.VENDOR, context.clock(), context.sleeper(), context.random());
    }

    public URI base() {
        return base;
    }

    public MessagesApi.Response messages(MessagesApi.Request request) {
        HttpReply reply = retrying.call(() -> checked(slow.postJson(uri("/v1/messages"), headers(), request, false)));
        return WireJson.read(AnthropicErrors.VENDOR, reply.body(), MessagesApi.Response.class, "messages");
    }

    /** {@code GET /v1/models}: free, and proves key and base URL (in the SDK, not in the derived OpenAPI subset). */
    public JsonNode models(int limit) {
        return checked(quick.get(uri("/v1/models?limit=" + limit), headers())).json();
    }

    private Map<String, String> headers() {
        return Map.of("x-api-key", key().reveal(), "anthropic-version", VERSION);
    }

    private HttpReply checked(HttpReply reply) {
        if (!reply.ok()) throw errors.map(reply, key().reveal());
        return reply;
    }

    private Secret key() {
        return context.requireKey(AnthropicErrors.VENDOR, KEY_VARIABLE);
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }
}
