package dev.reelwright.providers.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.TestContexts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The real ElevenLabs, through the same code: the free model listing. Run with {@code -Dlive} and ELEVENLABS_API_KEY set. */
@EnabledIfSystemProperty(named = "live", matches = ".*")
@EnabledIfEnvironmentVariable(named = "ELEVENLABS_API_KEY", matches = ".+")
class ElevenLabsLiveTest {
    @Test
    void elevenLabsAnswersTheCheck() {
        VendorContext context = VendorContext.live(Map.of(), TestContexts.MAGIC_BYTES);
        assertThat(new ElevenLabsModule().check(context)).contains("models");
    }
}
