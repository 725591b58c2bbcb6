package dev.reelwright.cli.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.providers.anthropic.AnthropicFixture;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.HarbourScript;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claude chosen as the planner, end to end through {@code make}: the storyboard is the forced tool call's input (PROVIDERS.md §6). */
@Tag("slow")
class AnthropicThroughMakeTest {
    @Test
    void theClaudePlannerWritesTheStoryboard(@TempDir Path dir) throws IOException {
        try (AnthropicFixture fake = new AnthropicFixture()) {
            fake.server.on("POST", "/v1/messages", AnthropicFixture.message(HarbourScript.storyboard("crane_up", "hopeful", "pan_left", "joyful"), "tool_use"));

            VendorMake.Made made = VendorMake.make(dir, VendorMake.HARBOUR, """
                    models:
                      planner: anthropic/claude-sonnet-4-6
                    providers:
                      anthropic:
                        base_url: %s
                    """.formatted(fake.server.baseUrl()), Map.of("ANTHROPIC_API_KEY", AnthropicFixture.KEY)).assertFinished();

            assertThat(fake.server.requests()).hasSize(1);
            FakeServer.Recorded sent = fake.server.requests("POST", "/v1/messages").getFirst();
            assertThat(sent.header("x-api-key")).isEqualTo(AnthropicFixture.KEY);
            assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
            assertThat(sent.header("authorization")).isNull();
            JsonNode body = sent.json();
            assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-6");
            assertThat(body.path("max_tokens").asInt()).isBetween(2048, 16384);
            assertThat(body.path("messages").get(0).path("content").asText()).contains("Every morning, the harbour wakes before the town.");
            assertThat(body.path("tools").get(0).path("name").asText()).isEqualTo("storyboard");
            assertThat(body.path("tool_choice").path("type").asText()).isEqualTo("tool");
            assertThat(body.path("tool_choice").path("name").asText()).isEqualTo("storyboard");

            made.assertHarbourStoryboard("crane_up", "hopeful", "pan_left", "joyful");
            assertThat(made.provider("planner")).isEqualTo("anthropic/claude-sonnet-4-6@claude-sonnet-4-6");
        }
    }
}
