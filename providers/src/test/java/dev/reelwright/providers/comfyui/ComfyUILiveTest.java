package dev.reelwright.providers.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.providers.spi.VendorContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** A real ComfyUI server at {@code COMFYUI_BASE_URL}, through the same code: {@code GET /system_stats}. Runs with {@code -Dlive}. */
@EnabledIfSystemProperty(named = "live", matches = ".*")
@EnabledIfEnvironmentVariable(named = "COMFYUI_BASE_URL", matches = ".+")
class ComfyUILiveTest {
    @Test
    void theServerAnswers() {
        VendorContext context = VendorContext.live(Map.of(), (file, expect) -> {
            throw new UnsupportedOperationException("no downloads in this test");
        });
        assertThat(new ComfyUIModule().check(context)).startsWith("ComfyUI ");
    }
}
