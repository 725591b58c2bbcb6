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
    void everyActiveClipModelStatesWhatTheRouterWeighs() {
        var clipModels = ModelCatalog.bundled().all().stream()
                .filter(m -> (m.kind().equals("video") || m.kind().equals("avatar")) && !m.retired()).toList();
        assertThat(clipModels).hasSizeGreaterThan(10).allSatisfy(m -> {
            assertThat(m.resolutions()).as(m.id() + " resolutions").isNotEmpty();
            assertThat(m.aspectRatios()).as(m.id() + " aspect ratios").isNotEmpty();
            assertThat(m.modes()).as(m.id() + " modes").isNotEmpty();
            assertThat(m.qualityTier()).as(m.id() + " tier").isIn("basic", "medium", "high", "top");
            assertThat(m.latencySeconds()).as(m.id() + " latency").isNotNull().isPositive();
            assertThat(m.strengths()).as(m.id() + " strengths").isNotEmpty();
            if (!m.vendor().equals("local")) assertThat(m.price()).as(m.id() + " price").isNotEmpty();
        });
    }

    @Test
    void everyRowOfTheMissionsModelTableIsInTheCatalog() {
        ModelCatalog catalog = ModelCatalog.bundled();
        // Sora: up to 12 s on the API, no lip sync, retired.
        assertThat(catalog.find("openai/sora-2-pro")).get().satisfies(m -> {
            assertThat(m.retired()).isTrue();
            assertThat(m.longestClip()).isEqualTo(12);
        });
        // Kling: 5-10 s at 1080p, and the avatar with lip sync.
        assertThat(catalog.find("fal/kling-v2.1-pro-i2v")).get().satisfies(m -> assertThat(m.clipSeconds()).containsExactly(5, 10));
        assertThat(catalog.find("fal/kling-avatar-v2-pro")).get().satisfies(m -> assertThat(m.makesLipSync()).isTrue());
        // Veo: 4-8 s, up to 4K, native audio.
        assertThat(catalog.find("google/veo-3.1-vertex")).get().satisfies(m -> {
            assertThat(m.makesNativeAudio()).isTrue();
            assertThat(m.mostLines()).isEqualTo(2160);
            assertThat(m.price()).containsKey("per_second_4k");
        });
        // Runway: camera direction is its strength; Gen-3 itself is retired.
        assertThat(catalog.find("runway/gen4.5")).get().satisfies(m -> assertThat(m.strongAt("camera")).isTrue());
        assertThat(catalog.find("runway/gen3a-turbo")).get().satisfies(m -> assertThat(m.retired()).isTrue());
        // Wan: 5 s, open weights, self-hosted or on fal.
        assertThat(catalog.find("comfyui/wan-2.1-i2v")).get().satisfies(m -> {
            assertThat(m.hasOpenWeights()).isTrue();
            assertThat(m.clipSeconds()).containsExactly(5);
        });
        assertThat(catalog.find("fal/wan-2.1-i2v")).get().satisfies(m -> assertThat(m.price()).containsEntry("per_clip_480p", 0.20));
    }

    @Test
    void shapesAreReadFromAspectLabelsOrVendorSizes() {
        ModelEntry runway = ModelCatalog.bundled().find("runway/gen3a-turbo").orElseThrow(); // lists 1280:768 and 768:1280
        assertThat(runway.makesShape(1280, 768)).isTrue();
        assertThat(runway.makesShape(1920, 1080)).isFalse();
        ModelEntry veo = ModelCatalog.bundled().find("google/veo-3.1-vertex").orElseThrow();
        assertThat(veo.makesShape(1080, 1920)).isTrue();
        assertThat(veo.makesShape(1080, 1080)).isFalse();
        assertThat(veo.rendersAtLeast(1080)).isTrue();
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
