package dev.reelwright.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.anthropic.api.MessagesApi;
import dev.reelwright.providers.anthropic.api.Wire;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.Secret;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * HTTP and JSON for Anthropic, nothing else: {@code POST /v1/messages} and {@code GET /v1/models} under the base URL,
 * with {@code x-api-key} and {@code anthropic-version: 2023-06-01}, replies checked through {@link AnthropicErrors}.
 * Messages are retried a few times on rate limits and outages (429, 5xx, 529), as Anthropic's SDK does.
 */
public final class AnthropicClient {
    static final String KEY_VARIABLE = "ANTHROPIC_API_KEY";
    static final String VERSION = "2023-06-01";
    private static final int ATTEMPTS = 3;

    private final VendorContext context;
    private final URI base;
    private final AnthropicErrors errors;
    private final VendorHttp quick;
    private final VendorHttp slow;

    public AnthropicClient(VendorContext context, URI base) {
        this.context = context;
        this.base = base;
        this.errors = new AnthropicErrors(context.keyVariable(AnthropicErrors.VENDOR, KEY_VARIABLE), context.clock());
        this.quick = context.http(AnthropicErrors.VENDOR);
        // A storyboard of several thousand tokens takes longer than one ordinary request may.
        this.slow = new VendorHttp(AnthropicErrors.VENDOR, context.httpClient(), Duration.ofMinutes(5));
    }

    public URI base() {
        return base;
    }

    public MessagesApi.Response messages(MessagesApi.Request request) {
        HttpReply reply = withRetries(() -> slow.postJson(uri("/v1/messages"), headers(), request, false));
        return Wire.read(reply.body(), MessagesApi.Response.class, "messages");
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

    private HttpReply withRetries(Supplier<HttpReply> send) {
        for (int attempt = 1; ; attempt++) {
            VendorException failure;
            try {
                return checked(send.get());
            } catch (VendorException e) {
                failure = e;
            }
            if (!failure.retriable() || attempt >= ATTEMPTS) throw failure;
            Duration backoff = Duration.ofMillis(Math.round(1000 * Math.pow(2, attempt - 1) * (0.8 + 0.4 * context.random().nextDouble())));
            try {
                context.sleeper().sleep(failure.retryAfter().orElse(backoff));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw VendorException.wrap(AnthropicErrors.VENDOR, Kind.JOB_FAILED, "interrupted while waiting to retry", e);
            }
        }
    }

    private Secret key() {
        return context.requireKey(AnthropicErrors.VENDOR, KEY_VARIABLE);
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }
}
