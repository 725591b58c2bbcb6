package dev.reelwright.providers.anthropic;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.model.ProviderSettings;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeTime;
import dev.reelwright.providers.testing.TestContexts;
import java.time.Instant;
import java.util.Map;
import java.util.random.RandomGenerator;

/** A fake Anthropic: a {@link FakeServer} as the base URL, a key in the environment, and time that moves only when slept. */
final class AnthropicFixture implements AutoCloseable {
    static final String KEY = "sk-ant-api03-test-0123456789";

    final FakeServer server = new FakeServer();
    final FakeTime time = new FakeTime(Instant.parse("2026-11-25T09:00:00Z"));

    static ModelEntry entry(String id) {
        return ModelCatalog.bundled().find(id).orElseThrow();
    }

    VendorContext context() {
        return context(Map.of("ANTHROPIC_API_KEY", KEY), null);
    }

    VendorContext context(Map<String, String> env, String keyEnv) {
        return new VendorContext(env, Map.of("anthropic", new ProviderSettings(server.baseUrl().toString(), keyEnv, null)), VendorHttp.defaultClient(),
                time, time, RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, null);
    }

    static FakeServer.Answer error(int status, String type, String message) {
        return FakeServer.Answer.json(status, "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
                + "\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}");
    }

    @Override
    public void close() {
        server.close();
    }
}
