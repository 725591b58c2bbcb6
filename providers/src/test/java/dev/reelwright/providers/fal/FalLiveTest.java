package dev.reelwright.providers.fal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.model.Mood;
import dev.reelwright.core.spi.ImageGenerator;
import dev.reelwright.core.spi.KeyframeRequest;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real fal.ai, through the same code: the free pricing check, then the cheapest paid call in the catalog (one
 * small Flux dev keyframe, about $0.025). Runs only with {@code -Dlive} and {@code FAL_KEY} set; never in CI.
 */
@EnabledIfSystemProperty(named = "live", matches = ".*")
@EnabledIfEnvironmentVariable(named = "FAL_KEY", matches = ".+")
class FalLiveTest {
    private final FalModule module = new FalModule(ModelCatalog.bundled());
    private final VendorContext context = VendorContext.live(Map.of(), TestContexts.MAGIC_BYTES);

    @Test
    void theKeyIsAccepted() {
        assertThat(module.check(context)).contains("accepted the key");
    }

    @Test
    void oneSmallFluxKeyframe(@TempDir Path folder) throws Exception {
        ImageGenerator images = module.images(ModelCatalog.bundled().find("fal/flux-dev").orElseThrow(), context).orElseThrow();

        ImageGenerator.GeneratedImage image = images.generate(new KeyframeRequest("a lighthouse at dusk, oil painting", Mood.CALM, 1, 512, 512), folder);

        assertThat(Files.size(folder.resolve(image.file()))).isPositive();
        assertThat(image.charge().vendor()).isEqualTo("fal");
    }
}
