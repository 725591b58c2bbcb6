package dev.reelwright.providers.runway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.providers.spi.VendorContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The real Runway API, through the same code: only the free call ({@code GET /v1/organization}). Runs with
 * {@code -Dlive} and a key in {@code RUNWAYML_API_SECRET}; skipped in CI.
 */
@EnabledIfSystemProperty(named = "live", matches = ".*")
@EnabledIfEnvironmentVariable(named = "RUNWAYML_API_SECRET", matches = ".+")
class RunwayLiveTest {
    @Test
    void theKeyIsAccepted() {
        VendorContext context = VendorContext.live(Map.of(), (file, expect) -> {
            throw new UnsupportedOperationException("no downloads in this test");
        });
        assertThat(new RunwayModule().check(context)).contains("key accepted");
    }
}
