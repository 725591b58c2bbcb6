package dev.reelwright.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.Retrying;
import dev.reelwright.providers.http.Secret;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.http.WireJson;
import dev.reelwright.providers.openai.api.AudioApi;
import dev.reelwright.providers.openai.api.ChatApi;
import dev.reelwright.providers.openai.api.VideoApi;
import dev.reelwright.providers.spi.VendorContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * HTTP and JSON for OpenAI, nothing else: the documented paths under the base URL (which carries {@code /v1}),
 * {@code Authorization: Bearer}, and replies checked through {@link OpenAiErrors}. Synchronous calls (chat, speech,
 * transcription) are retried a few times on rate limits and outages, as OpenAI's own SDK does; the paid video submit
 * and the polls are not, because the {@link dev.reelwright.core.remote.JobRunner} owns those retries.
 */
public final class OpenAiClient {
    static final String KEY_VARIABLE = "OPENAI_API_KEY";
    /** Response header with the SDK's poll interval for video jobs, in milliseconds. */
    static final String POLL_AFTER_HEADER = "openai-poll-after-ms";

    private final VendorContext context;
    private final URI base;
    private final String keyVariable;
    private final OpenAiErrors errors;
    private final VendorHttp quick;
    private final VendorHttp slow;
    private final Retrying retrying;

    public OpenAiClient(VendorContext context, URI base) {
        this.context = context;
        this.base = base;
        this.keyVariable = context.keyVariable(OpenAiErrors.VENDOR, KEY_VARIABLE);
        this.errors = new OpenAiErrors(keyVariable, context.clock());
        this.quick = context.http(OpenAiErrors.VENDOR);
        // Long answers (a storyboard, a minute of speech) take longer than one ordinary request may.
        this.slow = new VendorHttp(OpenAiErrors.VENDOR, context.httpClient(), Duration.ofMinutes(5));
        this.retrying = Retrying.sdkDefaults(OpenAiErrors.VENDOR, context.clock(), context.sleeper(), context.random());
    }

    public OpenAiErrors errors() {
        return errors;
    }

    public URI base() {
        return base;
    }

    /** The authentication header, plus the optional organisation and project the SDK reads from the same environment. */
    public Map<String, String> authHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + key().reveal());
        context.env("OPENAI_ORG_ID").ifPresent(org -> headers.put("OpenAI-Organization", org));
        context.env("OPENAI_PROJECT_ID").ifPresent(project -> headers.put("OpenAI-Project", project));
        return headers;
    }

    // --- videos (no retries here: the job runner decides) ---------------------------------------------------

    public HttpReply createVideo(VideoApi.Create body) {
        return checked(quick.postJson(uri("/videos"), authHeaders(), body, false));
    }

    public HttpReply createVideo(Multipart body) {
        return checked(quick.send(multipart(uri("/videos"), body), false));
    }

    public HttpReply video(String id) {
        return checked(quick.get(uri("/videos/" + id), authHeaders()));
    }

    public URI videoContent(String id) {
        return uri("/videos/" + id + "/content");
    }

    // --- synchronous calls -----------------------------------------------------------------------------------

    public ChatApi.Completion chat(ChatApi.Request request) {
        HttpReply reply = withRetries(() -> slow.postJson(uri("/chat/completions"), authHeaders(), request, false));
        return WireJson.read(OpenAiErrors.VENDOR, reply.body(), ChatApi.Completion.class, "chat completion");
    }

    /** The audio bytes of {@code POST /audio/speech}. */
    public HttpReply speech(AudioApi.Speech request) {
        return withRetries(() -> slow.postJson(uri("/audio/speech"), authHeaders(), request, false));
    }

    public AudioApi.Transcription transcribe(Multipart body) {
        HttpReply reply = withRetries(() -> slow.send(multipart(uri("/audio/transcriptions"), body), false));
        return WireJson.read(OpenAiErrors.VENDOR, reply.body(), AudioApi.Transcription.class, "transcription");
    }

    /** {@code GET /models}: free, and proves key and base URL. */
    public JsonNode models() {
        return checked(quick.get(uri("/models"), authHeaders())).json();
    }

    // ---------------------------------------------------------------------------------------------------------

    private HttpRequest.Builder multipart(URI uri, Multipart body) {
        return quick.builder(uri, authHeaders()).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    }

    private HttpReply checked(HttpReply reply) {
        if (!reply.ok()) throw errors.map(reply, key().reveal());
        return reply;
    }

    /** Sends, retrying refusals that are retriable (rate limits, outages) with the vendor's wait or a short backoff. */
    private HttpReply withRetries(Supplier<HttpReply> send) {
        return retrying.call(() -> checked(send.get()));
    }

    private Secret key() {
        return context.requireKey(OpenAiErrors.VENDOR, KEY_VARIABLE);
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }
}
