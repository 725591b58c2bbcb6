package dev.reelwright.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.cost.Pricing;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostSimulationTest {
    private static final CostSimulation.Settings QUICK = new CostSimulation.Settings(12, 5, 0.35, 8, "fal/kling-v2.5-turbo-pro-i2v",
            "fal/flux-pro-v1.1", "elevenlabs/multilingual-v2", 900, 0, 7, 0.2);

    @Test
    void fixedPaysForEveryCandidateAtCatalogPricesAndAdaptivePaysLessForTheSameShots() {
        ModelCatalog catalog = ModelCatalog.bundled();
        List<CostSimulation.Result> results = CostSimulation.run(QUICK, CostSimulation.POLICIES.subList(0, 2), catalog);
        CostSimulation.Result fixed = results.get(0), adaptive = results.get(1);

        assertThat(fixed.clipsPaid()).isEqualTo(36.0);
        double clip = Pricing.clip(catalog.find(QUICK.clipModel()).orElseThrow(), 5, null);
        double keyframes = 12 * Pricing.image(catalog.find(QUICK.keyframeModel()).orElseThrow());
        double speech = Pricing.speech(catalog.find(QUICK.speechModel()).orElseThrow(), 900);
        assertThat(fixed.costPerFinishedMinute()).isCloseTo(36 * clip + keyframes + speech, within(1e-6));

        // The same rejections for both: adaptive accepts exactly the shots fixed does, paying for fewer clips.
        assertThat(adaptive.acceptedShots()).isEqualTo(fixed.acceptedShots());
        assertThat(adaptive.clipsPaid()).isBetween(12.0, 24.0);
        assertThat(adaptive.costPerFinishedMinute()).isCloseTo(adaptive.clipsPaid() * clip + keyframes + speech, within(1e-6));
        assertThat(adaptive.costPerFinishedMinute()).isLessThan(fixed.costPerFinishedMinute() * 0.6);
    }

    @Test
    void repairingFlickerSavesTakesAndAcceptsTheSameShotsOrMore() {
        ModelCatalog catalog = ModelCatalog.bundled();
        var plain = CostSimulation.run(QUICK, CostSimulation.POLICIES.get(2), catalog);
        var repairing = CostSimulation.run(QUICK, CostSimulation.DEFAULT, catalog);
        assertThat(CostSimulation.POLICIES.get(2).candidates()).isEqualTo(CostSimulation.DEFAULT.candidates());
        assertThat(repairing.clipsPaid()).isLessThan(plain.clipsPaid());
        assertThat(repairing.acceptedShots()).isGreaterThanOrEqualTo(plain.acceptedShots());
    }

    @Test
    void withNoRejectionsEveryShotIsAcceptedOnItsFirstClip() {
        var none = new CostSimulation.Settings(12, 5, 0, 2, QUICK.clipModel(), QUICK.keyframeModel(), QUICK.speechModel(), 900, 0, 7, 0.2);
        CostSimulation.Result adaptive = CostSimulation.run(none, CostSimulation.DEFAULT, ModelCatalog.bundled());
        assertThat(adaptive.clipsPaid()).isEqualTo(12.0);
        assertThat(adaptive.allAcceptedShare()).isEqualTo(1.0);
    }
}
