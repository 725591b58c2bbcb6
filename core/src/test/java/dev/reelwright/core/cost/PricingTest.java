package dev.reelwright.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.model.Resolution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTest {
    private static final ModelCatalog CATALOG = ModelCatalog.bundled();

    private static ModelEntry model(String id) {
        return CATALOG.find(id).orElseThrow();
    }

    private static ModelEntry priced(List<Integer> clipSeconds, Map<String, Double> price, Double latency) {
        return new ModelEntry("acme/m", "acme", "m", "video", List.of("image-to-video"), clipSeconds, List.of(), List.of(), null, null, null,
                null, price, latency, null, null, null, null, null);
    }

    @Test
    void aClipIsBilledAtTheLengthTheModelMakes() {
        ModelEntry kling = model("fal/kling-v2.1-pro-i2v"); // 5 or 10 s at $0.09/s
        assertThat(Pricing.clip(kling, 4.2, Resolution.P1080)).isCloseTo(5 * 0.09, within(1e-12));
        assertThat(Pricing.clip(kling, 6, Resolution.P1080)).isCloseTo(10 * 0.09, within(1e-12));
        // A model that makes any length is billed exactly.
        assertThat(Pricing.clip(model("fal/kling-avatar-v2-pro"), 4.2, Resolution.P1080)).isCloseTo(4.2 * 0.115, within(1e-12));
    }

    @Test
    void longShotsAreChainedFromTheLongestClipThenTheShortestThatCoversTheRest() {
        ModelEntry veo = model("google/veo-3.1-vertex"); // 4, 6 or 8 s
        assertThat(Pricing.chain(veo, 20)).containsExactly(8.0, 8.0, 4.0);
        assertThat(Pricing.chain(veo, 17)).containsExactly(8.0, 8.0, 4.0);
        assertThat(Pricing.chain(veo, 16)).containsExactly(8.0, 8.0);
        assertThat(Pricing.chain(veo, 5)).containsExactly(6.0);
        assertThat(Pricing.take(veo, 20, Resolution.P1080)).isCloseTo(20 * 0.40, within(1e-12));
        assertThat(Pricing.chain(model("local/camera-move"), 95)).containsExactly(95.0);
    }

    @Test
    void aPriceForTheResolutionWinsOverTheBasePrice() {
        ModelEntry wan = priced(List.of(5), Map.of("per_clip", 0.40, "per_clip_720p", 0.30), null);
        assertThat(Pricing.clip(wan, 5, Resolution.P720)).isEqualTo(0.30);
        assertThat(Pricing.clip(wan, 5, Resolution.P1080)).isEqualTo(0.40);
        assertThat(Pricing.clip(wan, 5, null)).isEqualTo(0.40);
        ModelEntry sora = model("openai/sora-2-pro");
        assertThat(Pricing.clip(sora, 8, Resolution.P1080)).isCloseTo(8 * 0.50, within(1e-12));
        assertThat(Pricing.clip(sora, 8, Resolution.P720)).isCloseTo(8 * 0.30, within(1e-12));
    }

    @Test
    void aSelfHostedClipCostsItsGpuTimeAtTheTypicalLatency() {
        assertThat(Pricing.clip(model("comfyui/wan-2.1-i2v"), 5, Resolution.P720)).isCloseTo(0.0008 * 400, within(1e-12));
        assertThat(Pricing.clip(priced(List.of(5), Map.of("per_gpu_second", 0.001), null), 5, null)).isZero();
    }

    @Test
    void imagesSpeechAndTokens() {
        assertThat(Pricing.image(model("fal/flux-pro-v1.1"))).isEqualTo(0.04);
        assertThat(Pricing.speech(model("elevenlabs/multilingual-v2"), 2500)).isCloseTo(0.45, within(1e-12));
        assertThat(Pricing.tokens(model("anthropic/claude-sonnet-4-6"), 1_000_000, 100_000)).isCloseTo(4.5, within(1e-12));
        assertThat(Pricing.minutes(model("openai/whisper-1"), 90)).isCloseTo(0.009, within(1e-12));
        assertThat(Pricing.image(model("local/procedural-keyframe"))).isZero();
    }
}
