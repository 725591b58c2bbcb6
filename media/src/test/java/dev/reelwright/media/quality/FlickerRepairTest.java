package dev.reelwright.media.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.ClipRepairer;
import dev.reelwright.core.quality.QualityExpectations;
import dev.reelwright.core.quality.QualityReport;
import dev.reelwright.core.quality.QualityThresholds;
import dev.reelwright.core.spi.FrameSource;
import dev.reelwright.media.decode.FfmpegClipDecoder;
import java.io.IOException;
import java.nio.file.Files;
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
    private static final QualityTestSet.Settings SETTINGS = QualityTestSet.Settings.DEFAULT;
    private static final OpenCvQualityInspector INSPECTOR = new OpenCvQualityInspector();
    private static final QualityThresholds THRESHOLDS = QualityThresholds.defaults();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aFlickeringClipIsRepairedToPassAndToLookLikeTheCleanOne(long seed) throws IOException {
        var flickering = QualityTestSet.injected(dir, Artifact.FLICKER, QualityTestSet.Strength.MEDIUM, seed, SETTINGS);
        var clean = QualityTestSet.clean(dir, flickering.kind(), seed, SETTINGS);
        QualityReport rejected = INSPECTOR.inspect(flickering.file(), QualityExpectations.NONE, null);
        assertThat(rejected.accepted()).isFalse();
        assertThat(rejected.failing()).isEqualTo("flicker");
        ClipRepairer repairer = INSPECTOR.repairer().orElseThrow();
        assertThat(repairer.repairs(rejected, THRESHOLDS)).isTrue();

        Path folder = Files.createDirectories(dir.resolve("repair-" + seed));
        ClipRepairer.Repaired repaired = repairer.repair(flickering.file(), rejected, folder);
        Path fixed = folder.resolve(repaired.file());

        QualityReport again = INSPECTOR.inspect(fixed, QualityExpectations.NONE, null);
        assertThat(again.accepted()).as(again.scores().toString()).isTrue();
        assertThat(repaired.note()).contains("frame");
        List<Double> before = meanLevelDifferences(flickering.file(), clean.file());
        List<Double> after = meanLevelDifferences(fixed, clean.file());
        assertThat(after).hasSameSizeAs(before);
        assertThat(max(before)).as("the injected flashes").isGreaterThan(8);
        // Re-encoding costs every frame a level or two; the flashes must come back to within 2.5 levels of the rest.
        double typical = after.stream().sorted().toList().get(after.size() / 2);
        assertThat(max(after)).as("every frame back near the clean clip: " + before + " -> " + after).isLessThan(typical + 2.5);
        assertThat(typical).as("re-encoding loss").isLessThan(3);
    }

    @Test
    void aClipRejectedForAnotherArtifactIsNotOfferedForRepair() {
        var teleport = QualityTestSet.injected(dir, Artifact.TELEPORTATION, QualityTestSet.Strength.MEDIUM, 1, SETTINGS);
        QualityReport rejected = INSPECTOR.inspect(teleport.file(), QualityExpectations.NONE, null);
        assertThat(rejected.accepted()).isFalse();
        assertThat(INSPECTOR.repairer().orElseThrow().repairs(rejected, THRESHOLDS)).isFalse();
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

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(d -> d).max().orElseThrow();
    }

    /** Per frame, the mean absolute difference of the two clips' RGB levels. */
    private static List<Double> meanLevelDifferences(Path a, Path b) {
        VideoFormat format = new VideoFormat(SETTINGS.width(), SETTINGS.height(), SETTINGS.fps());
        List<Double> differences = new ArrayList<>();
        try (FrameSource first = new FfmpegClipDecoder().open(a, format); FrameSource second = new FfmpegClipDecoder().open(b, format)) {
            int[] x = new int[format.width() * format.height()], y = new int[x.length];
            for (int i = 0; i < Math.min(first.frameCount(), second.frameCount()); i++) {
                first.read(i, x);
                second.read(i, y);
                long sum = 0;
                for (int p = 0; p < x.length; p++) {
                    for (int shift = 0; shift <= 16; shift += 8) sum += Math.abs((x[p] >> shift & 0xFF) - (y[p] >> shift & 0xFF));
                }
                differences.add(sum / (3.0 * x.length));
            }
        }
        return differences;
    }
}
