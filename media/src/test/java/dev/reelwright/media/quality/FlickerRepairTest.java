package dev.reelwright.media.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.QualityExpectations;
import dev.reelwright.core.quality.QualityReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flicker repair on generated clips: a clip rejected for medium flicker comes back accepted by the same inspector and
 * close to the clean clip it was made from, while a clip rejected for anything else is not offered for repair.
 */
class FlickerRepairTest {
    private static final QualityTestSet.Settings SETTINGS = RepairRound.SETTINGS;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aFlickeringClipIsRepairedToPassAndToLookLikeTheCleanOne(long seed) throws IOException {
        var flickering = QualityTestSet.injected(dir, Artifact.FLICKER, QualityTestSet.Strength.MEDIUM, seed, SETTINGS);
        var clean = QualityTestSet.clean(dir, flickering.kind(), seed, SETTINGS);
        RepairRound.Fixed repaired = RepairRound.repair(flickering, "flicker", dir);
        Path fixed = repaired.file();
        assertThat(repaired.note()).contains("frame");
        List<Double> before = LevelDifferences.perFrame(flickering.file(), clean.file(), SETTINGS);
        List<Double> after = LevelDifferences.perFrame(fixed, clean.file(), SETTINGS);
        assertThat(after).hasSameSizeAs(before);
        assertThat(LevelDifferences.max(before)).as("the injected flashes").isGreaterThan(8);
        // Re-encoding costs every frame a level or two; the flashes must come back to within 2.5 levels of the rest.
        double typical = LevelDifferences.median(after);
        assertThat(LevelDifferences.max(after)).as("every frame back near the clean clip: " + before + " -> " + after).isLessThan(typical + 2.5);
        assertThat(typical).as("re-encoding loss").isLessThan(3);
    }

    @Test
    void aClipRejectedForAnotherArtifactIsNotOfferedForRepair() {
        var morphing = QualityTestSet.injected(dir, Artifact.MORPHING, QualityTestSet.Strength.MEDIUM, 1, SETTINGS);
        QualityReport rejected = RepairRound.INSPECTOR.inspect(morphing.file(), QualityExpectations.NONE, null);
        assertThat(rejected.accepted()).isFalse();
        assertThat(RepairRound.INSPECTOR.repairer().orElseThrow().repairs(rejected, RepairRound.THRESHOLDS)).isFalse();
    }

    @Test
    void fadesPulsesAndMovingLightsAreLeftAloneAndOnlyShortFlashesCorrected() {
        List<double[]> frames = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            double fade = Math.log(1 + 100 + 3 * t);             // a steady fade up
            double pulse = t >= 10 && t < 14 ? Math.log(1.3) : 0; // a 4-frame pulse: content, not flicker
            double flash = t == 20 ? Math.log(1.2) : 0;           // one frame 20% brighter: flicker
            double[] regions = new double[16];
            for (int r = 0; r < 16; r++) regions[r] = fade + pulse + flash + (t == 25 && r < 4 ? Math.log(1.5) : 0); // one row only at 25
            frames.add(regions);
        }
        double[] gains = FlickerRepair.gains(frames);
        for (int t = 0; t < 30; t++) {
            if (t == 20) assertThat(gains[t]).as("frame 20").isBetween(1 / 1.22, 1 / 1.18);
            else assertThat(gains[t]).as("frame " + t).isEqualTo(1.0);
        }
    }
}
