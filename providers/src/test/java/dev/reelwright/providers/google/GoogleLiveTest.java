package dev.reelwright.providers.google;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.TestContexts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The real Vertex AI, through the same code: the free authenticated check (publisher model resource). Run with
 * {@code -Dlive} and GOOGLE_CLOUD_PROJECT + GOOGLE_VERTEX_ACCESS_TOKEN set; skipped otherwise (and in CI).
 */
@EnabledIfSystemProperty(named = "live", matches = ".*")
@EnabledIfEnvironmentVariable(named = "GOOGLE_VERTEX_ACCESS_TOKEN", matches = ".+")
@EnabledIfEnvironmentVariable(named = "GOOGLE_CLOUD_PROJECT", matches = ".+")
class GoogleLiveTest {
    @Test
    void vertexAnswersTheCheck() {
        VendorContext context = VendorContext.live(Map.of(), TestContexts.MAGIC_BYTES);
        assertThat(new GoogleModule().check(context)).contains("Vertex AI");
    }
}
