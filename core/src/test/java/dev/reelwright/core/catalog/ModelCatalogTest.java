package dev.reelwright.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelwright.core.error.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {
    @Test
    void bundledCatalogCoversEveryVendorAndMarksRetiredModels() {
        ModelCatalog catalog = ModelCatalog.bundled();
        assertThat(catalog.all()).extracting(ModelEntry::vendor).contains(
                "local", "fal", "openai", "google", "runway", "kling", "comfyui", "anthropic", "elevenlabs");
        assertThat(catalog.find("openai/sora-2")).get().satisfies(sora -> assertThat(sora.retired()).isTrue());
        assertThat(catalog.find("fal/kling-v2.1-pro-i2v")).get()
                .satisfies(kling -> assertThat(kling.model()).isEqualTo("fal-ai/kling-video/v2.1/pro/image-to-video"));
    }

    @Test
    void unknownModelsAreNamedWithTheAlternatives() {
        assertThatThrownBy(() -> ModelCatalog.bundled().require("fal/nope", "video", "production.yaml"))
                .isInstanceOf(InputException.class).hasMessageContaining("fal/kling-v2.1-pro-i2v");
    }

    @Test
    void aUserFileAddsAndReplacesEntries(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("models.yaml"), """
                models:
                  - id: fal/flux-dev
                    vendor: fal
                    model: fal-ai/flux/dev-2
                    kind: image
                  - id: acme/wonder
                    vendor: acme
                    model: wonder-1
                    kind: video
                """);
        ModelCatalog catalog = ModelCatalog.withOverrides(file);
        assertThat(catalog.find("fal/flux-dev")).get().extracting(ModelEntry::model).isEqualTo("fal-ai/flux/dev-2");
        assertThat(catalog.find("acme/wonder")).isPresent();
    }
}
