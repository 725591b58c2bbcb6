package dev.reelwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.remote.Sleeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'reelwright models': the catalog as a table, filtered by kind, as JSON, with the user's own file laid over it. */
class ModelsCommandTest {
    private static final Environment NO_KEYS = new Environment(Map.of(), Clock.systemUTC(), Sleeper.REAL);

    private static String row(String out, String id) {
        return out.lines().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow(() -> new AssertionError(id + " not listed:\n" + out));
    }

    @Test
    void theTableShowsWhatEachModelMakesWhatItCostsAndWhetherItIsRetired() {
        CliRunner result = CliRunner.run(NO_KEYS, "models");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().findFirst().orElseThrow())
                .contains("model", "vendor", "kind", "modes", "seconds", "resolutions", "price", "latency", "tier", "strengths", "features", "status");
        assertThat(row(result.out(), "fal/kling-v2.1-pro-i2v")).contains("fal", "video", "i2v", "5,10", "1080p", "$0.09/s", "180 s", "high",
                "motion,people", "active");
        assertThat(row(result.out(), "google/veo-3.1-vertex")).contains("4,6,8", "720p,1080p,4k", "$0.40/s, $0.60/s 4k", "top");
        assertThat(row(result.out(), "fal/kling-v3-pro-i2v")).contains("3-15", "audio");
        assertThat(row(result.out(), "fal/kling-avatar-v2-pro")).contains("avatar", "lip_sync");
        assertThat(row(result.out(), "kling/kling-v1-t2v")).contains("camera_control");
        assertThat(row(result.out(), "comfyui/wan-2.1-i2v")).contains("open_weights", "$0.0008/GPU s");
        assertThat(row(result.out(), "local/camera-move")).contains("any", "free", "basic");
        assertThat(row(result.out(), "openai/sora-2")).contains("retired 2026-09-24");
        assertThat(row(result.out(), "fal/flux-pro-v1.1")).contains("image", "$0.04/image");
        assertThat(row(result.out(), "elevenlabs/multilingual-v2")).contains("speech", "$0.18/1k chars");
        assertThat(result.out()).containsPattern("\\d+ models\\n$");
    }

    @Test
    void kindFiltersAndAnUnknownKindIsBadInputListingTheKinds() {
        CliRunner avatars = CliRunner.run(NO_KEYS, "models", "--kind", "avatar");
        assertThat(avatars.exitCode()).as(avatars.err()).isZero();
        List<String> ids = avatars.out().lines().skip(1).filter(l -> l.contains("/")).map(l -> l.split("\\s+")[0]).toList();
        assertThat(ids).containsExactly("fal/kling-avatar-v2-pro", "fal/kling-avatar-v2-standard");
        assertThat(avatars.out()).contains("2 models of kind avatar");

        CliRunner bad = CliRunner.run(NO_KEYS, "models", "--kind", "hologram");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--kind hologram is not one of", "video", "speech", "avatar");
    }

    @Test
    void jsonGivesTheEntriesAsTheCatalogHoldsThem() throws IOException {
        CliRunner result = CliRunner.run(NO_KEYS, "models", "--kind", "video", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode models = Json.json().readTree(result.out()).path("models");
        List<String> kinds = new ArrayList<>();
        models.forEach(m -> kinds.add(m.path("kind").asText()));
        assertThat(kinds).isNotEmpty().containsOnly("video");
        JsonNode veo = null;
        for (JsonNode m : models) if (m.path("id").asText().equals("google/veo-3.1-vertex")) veo = m;
        assertThat(veo).isNotNull();
        assertThat(veo.path("native_audio").asBoolean()).isTrue();
        assertThat(veo.path("clip_seconds").toString()).isEqualTo("[4,6,8]");
        assertThat(veo.path("price").path("per_second").asDouble()).isEqualTo(0.40);
    }

    @Test
    void theProductionsOwnCatalogIsLaidOverTheBundledOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("my-models.yaml"), """
                models:
                  - id: acme/wonder-1
                    vendor: acme
                    model: wonder-1
                    kind: video
                    modes: [image-to-video]
                    clip_seconds: [30]
                    price: {per_clip: 2.5}
                  - id: fal/kling-v2.1-pro-i2v
                    vendor: fal
                    model: fal-ai/kling-video/v2.1/pro/image-to-video
                    kind: video
                    price: {per_second: 0.08}
                    status: retired
                """);
        Path spec = Files.writeString(dir.resolve("production.yaml"), "catalog: my-models.yaml\n");

        CliRunner result = CliRunner.run(NO_KEYS, "models", "--spec", spec.toString(), "--kind", "video");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(row(result.out(), "acme/wonder-1")).contains("30", "$2.50/clip");
        assertThat(row(result.out(), "fal/kling-v2.1-pro-i2v")).contains("$0.08/s", "retired");
    }
}
