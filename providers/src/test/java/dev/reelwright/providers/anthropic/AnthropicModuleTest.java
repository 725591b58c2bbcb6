package dev.reelwright.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.testing.FakeServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicModuleTest {
    private final AnthropicFixture fake = new AnthropicFixture();
    private final AnthropicModule module = new AnthropicModule();

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void checkListsModelsForFree() {
        fake.server.on("GET", "/v1/models", FakeServer.Answer.json(200, """
                {"data":[{"type":"model","id":"claude-sonnet-4-6","display_name":"Claude Sonnet 4.6","created_at":"2026-02-17T00:00:00Z"},
                         {"type":"model","id":"claude-haiku-4-5-20251001","display_name":"Claude Haiku 4.5","created_at":"2025-10-01T00:00:00Z"}],
                 "has_more":false,"first_id":"claude-sonnet-4-6","last_id":"claude-haiku-4-5-20251001"}"""));

        assertThat(module.check(fake.context())).contains("2 models").contains("claude-sonnet-4-6");

        FakeServer.Recorded sent = fake.server.requests("GET", "/v1/models").getFirst();
        assertThat(sent.query()).isEqualTo("limit=100");
        assertThat(sent.header("x-api-key")).isEqualTo(AnthropicFixture.KEY);
        assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(fake.server.requests("POST", "/v1/messages")).isEmpty();
    }

    @Test
    void checkWithABadKeyNamesTheConfiguredVariable() {
        fake.server.on("GET", "/v1/models", AnthropicFixture.error(401, "authentication_error", "invalid x-api-key"));

        assertThatThrownBy(() -> module.check(fake.context(Map.of("CLAUDE_KEY", "sk-ant-wrong-1234"), "CLAUDE_KEY")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("CLAUDE_KEY").doesNotContain("sk-ant-wrong");
                });
    }

    @Test
    void describesItself() {
        assertThat(module.vendor()).isEqualTo("anthropic");
        assertThat(module.keyVariable()).isEqualTo("ANTHROPIC_API_KEY");
        assertThat(module.defaultBaseUrl()).isEqualTo("https://api.anthropic.com");
        assertThat(module.baseUrl(fake.context())).isEqualTo(fake.server.baseUrl());
        assertThat(module.seams()).containsExactly("planner");
        assertThat(module.planner(AnthropicFixture.entry("openai/gpt-4o"), fake.context())).isEmpty();
        assertThat(module.configured(fake.context())).isTrue();
        assertThat(module.configured(fake.context(Map.of(), null))).isFalse();
    }
}
