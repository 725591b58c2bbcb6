package dev.reelwright.providers.elevenlabs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.remote.PollPolicy;
import dev.reelwright.providers.elevenlabs.api.AddVoiceResponse;
import dev.reelwright.providers.elevenlabs.api.AudioWithTimestamps;
import dev.reelwright.providers.elevenlabs.api.SpeechBody;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.Secret;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * ElevenLabs over HTTP and JSON (auth header {@code xi-api-key}). Both paid calls are synchronous, so there is no
 * job to journal; a 429 ({@code too_many_concurrent_requests}, {@code system_busy}) is a refusal before any work,
 * so it is retried here, honouring {@code Retry-After}, with an attempt cap and a deadline. Nothing else is resent.
 */
final class ElevenLabsClient {
    /** What the speech endpoint answered, with the characters it billed ({@code character-cost}) when it says. */
    record SpeechReply(AudioWithTimestamps audio, OptionalInt characterCost, String requestId) {}

    private final VendorHttp http;
    private final URI base;
    private final Secret key;
    private final VendorContext context;
    private final ElevenLabsErrors errors;

    ElevenLabsClient(VendorContext context, URI base, Secret key) {
        this.context = context;
        this.http = context.http(ElevenLabsModule.VENDOR);
        this.base = base;
        this.key = key;
        this.errors = new ElevenLabsErrors(key, context.clock());
    }

    /** {@code POST /v1/text-to-speech/{voice_id}/with-timestamps?output_format=…}. */
    SpeechReply speak(String voiceId, String outputFormat, SpeechBody body) {
        URI uri = URI.create(base + "/v1/text-to-speech/" + segment(voiceId) + "/with-timestamps?output_format=" + segment(outputFormat));
        HttpReply reply = withRetries(() -> http.postJson(uri, headers(), body, false));
        OptionalInt cost = reply.header("character-cost").map(String::strip).filter(s -> s.matches("\\d+"))
                .map(s -> OptionalInt.of(Integer.parseInt(s))).orElse(OptionalInt.empty());
        return new SpeechReply(AudioWithTimestamps.from(reply.json()), cost, reply.header("request-id").orElse(null));
    }

    /** {@code POST /v1/voices/add} (multipart: {@code name}, one {@code files} part per sample, {@code remove_background_noise}). */
    AddVoiceResponse addVoice(Multipart form) {
        URI uri = URI.create(base + "/v1/voices/add");
        byte[] body = form.bytes();
        HttpReply reply = withRetries(() -> http.send(http.builder(uri, headers())
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), false));
        return AddVoiceResponse.from(reply.json());
    }

    /** {@code GET /v1/models}: cheap, authenticated, and named by the API's own documentation of {@code model_id}. */
    JsonNode models() {
        HttpReply reply = http.get(URI.create(base + "/v1/models"), headers());
        if (!reply.ok()) throw errors.fromReply(reply);
        return reply.json();
    }

    private Map<String, String> headers() {
        return Map.of("xi-api-key", key.reveal(), "Accept", "application/json");
    }

    private HttpReply withRetries(Supplier<HttpReply> call) {
        PollPolicy policy = context.pollPolicy(ElevenLabsModule.VENDOR, PollPolicy.QUICK);
        Instant deadline = context.clock().instant().plus(policy.timeout());
        for (int attempt = 0; ; attempt++) {
            HttpReply reply = call.get();
            if (reply.ok()) return reply;
            VendorException error = errors.fromReply(reply);
            if (error.kind() != Kind.RATE_LIMITED || attempt >= policy.submitRetries()) throw error;
            Duration pause = policy.delay(attempt, context.random().nextDouble());
            Duration asked = error.retryAfter().orElse(Duration.ZERO);
            if (asked.compareTo(pause) > 0) pause = asked;
            if (!context.clock().instant().plus(pause).isBefore(deadline)) throw error;
            try {
                context.sleeper().sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw VendorException.wrap(ElevenLabsModule.VENDOR, Kind.JOB_FAILED, "interrupted while waiting to retry", e);
            }
        }
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
