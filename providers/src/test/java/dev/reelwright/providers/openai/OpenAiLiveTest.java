package dev.reelwright.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.TestContexts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The real OpenAI, only with {@code -Dlive} and a key: the free {@code GET /models} through the same module code. */
@EnabledIfSystemProperty(named = "live", matches = ".*")
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
class OpenAiLiveTest {
    @Test
    void theKeyIsAcceptedAndTheCatalogModelsAreListed() {
        String answer = new OpenAiModule().check(VendorContext.live(Map.of(), TestContexts.MAGIC_BYTES));
        assertThat(answer).contains("models");
        System.out.println("openai check: " + answer);
    }
}
