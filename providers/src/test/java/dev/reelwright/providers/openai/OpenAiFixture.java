package dev.reelwright.providers.openai;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.model.ProviderSettings;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeTime;
import dev.reelwright.providers.testing.TestContexts;
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
final class OpenAiFixture implements AutoCloseable {
    static final String KEY = "sk-test-9f8e7d6c5b4a";
    static final ModelCatalog CATALOG = ModelCatalog.bundled();

    final FakeServer server = new FakeServer();
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

    static FakeServer.Answer json(int status, String json) {
        return FakeServer.Answer.json(status, json);
    }

    static FakeServer.Answer error(int status, String message, String type, String param, String code) {
        return json(status, "{\"error\":{\"message\":" + quote(message) + ",\"type\":" + quote(type) + ",\"param\":" + quote(param)
                + ",\"code\":" + quote(code) + "}}");
    }

    static String quote(String text) {
        return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Parts of a recorded multipart/form-data body, by name, in order. */
    static List<Part> parts(FakeServer.Recorded request) {
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

    record Part(String name, String filename, String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static Part part(List<Part> parts, String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no part " + name));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    @Override
    public void close() {
        server.close();
    }
}
