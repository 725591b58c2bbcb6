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
public final class AnthropicFixture implements AutoCloseable {
    public static final String KEY = "sk-ant-api03-test-0123456789";

    public final FakeServer server = new FakeServer();
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

    /** A Messages answer that called the storyboard tool with {@code input} (JSON), with 1450 + 380 tokens of usage. */
    public static FakeServer.Answer message(String input, String stopReason) {
        return FakeServer.Answer.json(200, """
                {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-sonnet-4-6",
                 "content":[{"type":"text","text":"I'll lay the script out as scenes."},
                            {"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"storyboard","input":%s}],
                 "stop_reason":"%s","stop_sequence":null,
                 "usage":{"input_tokens":1450,"output_tokens":380,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"service_tier":"standard"}}"""
                .formatted(input, stopReason));
    }

    @Override
    public void close() {
        server.close();
    }
}
