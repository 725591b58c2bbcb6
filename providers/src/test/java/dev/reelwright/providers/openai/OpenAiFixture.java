package dev.reelwright.providers.openai;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.model.ProviderSettings;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeTime;
import dev.reelwright.providers.testing.TestContexts;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A fake OpenAI for contract tests: a {@link FakeServer} reached through a base URL that carries {@code /v1} (so the
 * recorded paths are the spec's {@code /v1/...}), a key in the environment, and a clock that moves only when the code
 * sleeps, so poll loops and deadlines run instantly and deterministically.
 */
public final class OpenAiFixture implements AutoCloseable {
    public static final String KEY = "sk-test-9f8e7d6c5b4a";
    public static final String VIDEO_ID = "video_68d7512d07848190b3e45da0ecbebcde";
    static final ModelCatalog CATALOG = ModelCatalog.bundled();

    public final FakeServer server = new FakeServer();
    final FakeTime time = new FakeTime(Instant.parse("2026-11-25T09:00:00Z"));

    static ModelEntry entry(String id) {
        return CATALOG.find(id).orElseThrow();
    }

    VendorContext context() {
        return context(null, Map.of());
    }

    /** {@code timeoutSeconds}: production.yaml's per-vendor job timeout (null: the usual one). */
    VendorContext context(Integer timeoutSeconds, Map<String, String> extraEnv) {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.putIfAbsent("OPENAI_API_KEY", KEY);
        return new VendorContext(env, Map.of("openai", new ProviderSettings(server.baseUrl() + "/v1", null, timeoutSeconds)),
                VendorHttp.defaultClient(), time, time, RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, time);
    }

    public static FakeServer.Answer json(int status, String json) {
        return FakeServer.Answer.json(status, json);
    }

    public static FakeServer.Answer error(int status, String message, String type, String param, String code) {
        return json(status, "{\"error\":{\"message\":" + quote(message) + ",\"type\":" + quote(type) + ",\"param\":" + quote(param)
                + ",\"code\":" + quote(code) + "}}");
    }

    public static String quote(String text) {
        return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Parts of a recorded multipart/form-data body, by name, in order. */
    public static List<Part> parts(FakeServer.Recorded request) {
        String type = request.header("content-type");
        String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length());
        String body = new String(request.body(), StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        for (String chunk : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
            if (chunk.isEmpty() || chunk.startsWith("--")) continue;
            int split = chunk.indexOf("\r\n\r\n");
            String headers = chunk.substring(2, split);
            String content = chunk.substring(split + 4, chunk.length() - 2);
            String name = between(headers, "name=\"", "\"");
            String filename = headers.contains("filename=\"") ? between(headers, "filename=\"", "\"") : null;
            String partType = headers.contains("Content-Type: ") ? headers.substring(headers.indexOf("Content-Type: ") + 14).strip() : null;
            parts.add(new Part(name, filename, partType, content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }

    public record Part(String name, String filename, String contentType, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    public static Part part(List<Part> parts, String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no part " + name));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    /** A chat completion whose message carries {@code content} (JSON text) or a {@code refusal}, with 1200 + 300 tokens of usage. */
    public static FakeServer.Answer completion(String content, String refusal, String finishReason) {
        return json(200, """
                {"id":"chatcmpl-AbC123","object":"chat.completion","created":1764061200,"model":"gpt-4o-2024-08-06",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":%s,"annotations":[]},"logprobs":null,
                 "finish_reason":"%s"}],
                 "usage":{"prompt_tokens":1200,"completion_tokens":300,"total_tokens":1500,
                 "prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}},
                 "service_tier":"default","system_fingerprint":"fp_abc"}""".formatted(quote(content), quote(refusal), finishReason));
    }

    /** What /audio/speech streams: a WAV whose RIFF and data lengths are the all-ones placeholder. */
    public static byte[] streamedWav(int sampleRate, double seconds) {
        int samples = (int) Math.round(sampleRate * seconds);
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(-1).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(-1);
        for (int i = 0; i < samples; i++) wav.putShort((short) Math.round(8000 * Math.sin(i * 2 * Math.PI * 220 / sampleRate)));
        return wav.array();
    }

    /** A video object with {@link #VIDEO_ID}; {@code error} is JSON or null. */
    public static String video(String status, int progress, String error) {
        return """
                {"id":"%s","object":"video","model":"sora-2","status":"%s","progress":%d,
                 "created_at":1760000000,"completed_at":null,"expires_at":null,"prompt":"a red fox at dawn","size":"1280x720",
                 "seconds":"8","remixed_from_video_id":null,"error":%s}""".formatted(VIDEO_ID, status, progress, error == null ? "null" : error);
    }

    @Override
    public void close() {
        server.close();
    }
}
