package dev.reelwright.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.TestContexts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The real Anthropic, only with {@code -Dlive} and a key: the free {@code GET /v1/models} through the same module code. */
@EnabledIfSystemProperty(named = "live", matches = ".*")
@EnabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
class AnthropicLiveTest {
    @Test
    void theKeyIsAccepted() {
        String answer = new AnthropicModule().check(VendorContext.live(Map.of(), TestContexts.MAGIC_BYTES));
        assertThat(answer).contains("models");
        System.out.println("anthropic check: " + answer);
    }
}
