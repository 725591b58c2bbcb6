package dev.reelwright.providers.elevenlabs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.remote.PollPolicy;
import dev.reelwright.providers.elevenlabs.api.AddVoiceResponse;
import dev.reelwright.providers.elevenlabs.api.AudioWithTimestamps;
import dev.reelwright.providers.elevenlabs.api.SpeechBody;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.Retrying;
import dev.reelwright.providers.http.Secret;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import java.net.URI;
import java.net.http.HttpRequest;
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
    private final ElevenLabsErrors errors;
    /** Only a 429 is sent again: it is a refusal before any work, unlike any other failure of a paid call. */
    private final Retrying retrying;

    ElevenLabsClient(VendorContext context, URI base, Secret key) {
        this.http = context.http(ElevenLabsModule.VENDOR);
        this.base = base;
        this.key = key;
        this.errors = new ElevenLabsErrors(key, context.clock());
        this.retrying = Retrying.underPolicy(ElevenLabsModule.VENDOR, context.clock(), context.sleeper(), context.random(),
                context.pollPolicy(ElevenLabsModule.VENDOR, PollPolicy.QUICK), error -> error.kind() == Kind.RATE_LIMITED);
    }

    /** {@code POST /v1/text-to-speech/{voice_id}/with-timestamps?output_format=…}. */
    SpeechReply speak(String voiceId, String outputFormat, SpeechBody body) {
        URI uri = URI.create(base + "/v1/text-to-speech/" + VendorHttp.encode(voiceId)
                + "/with-timestamps?output_format=" + VendorHttp.encode(outputFormat));
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
        return checked(http.get(URI.create(base + "/v1/models"), headers())).json();
    }

    private Map<String, String> headers() {
        return Map.of("xi-api-key", key.reveal(), "Accept", "application/json");
    }

    private HttpReply withRetries(Supplier<HttpReply> call) {
        return retrying.call(() -> checked(call.get()));
    }

    private HttpReply checked(HttpReply reply) {
        if (!reply.ok()) throw errors.fromReply(reply);
        return reply;
    }
}
