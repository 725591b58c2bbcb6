package dev.reelwright.providers.kling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.providers.spi.VendorContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The real Kling API, through the same code: only the free call (querying a task that does not exist, which still
 * needs a valid JWT). Runs with {@code -Dlive} and both {@code KLING_ACCESS_KEY} and {@code KLING_SECRET_KEY}.
 */
@EnabledIfSystemProperty(named = "live", matches = ".*")
@EnabledIfEnvironmentVariable(named = "KLING_ACCESS_KEY", matches = ".+")
@EnabledIfEnvironmentVariable(named = "KLING_SECRET_KEY", matches = ".+")
class KlingLiveTest {
    @Test
    void theKeyPairIsAccepted() {
        VendorContext context = VendorContext.live(Map.of(), (file, expect) -> {
            throw new UnsupportedOperationException("no downloads in this test");
        });
        assertThat(new KlingModule().check(context)).contains("accepted");
    }
}
