package dev.reelwright.media.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.QualityExpectations;
import dev.reelwright.core.quality.QualityReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Glitch repair on generated clips: a ghost limb or a jump-and-return is dissolved away and the clip passes and looks
 * like the clean clip it was made from; a jump that stays is not "repaired", since the shot really changed.
 */
class GlitchRepairTest {
    private static final QualityTestSet.Settings SETTINGS = RepairRound.SETTINGS;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aGhostLimbIsDissolvedAwayAndTheClipPasses(long seed) throws IOException {
        var ghost = QualityTestSet.injected(dir, Artifact.GHOST_LIMBS, QualityTestSet.Strength.MEDIUM, seed, SETTINGS);
        assertRepairedToLookClean(ghost, "ghost_limbs");
    }

    @Test
    void aJumpAndReturnIsRepairedAndAJumpThatStaysIsNot() throws IOException {
        int repaired = 0, stays = 0;
        for (long seed = 1; seed <= 6; seed++) {
            var teleport = QualityTestSet.injected(dir, Artifact.TELEPORTATION, QualityTestSet.Strength.MEDIUM, seed, SETTINGS);
            var clean = QualityTestSet.clean(dir, teleport.kind(), seed, SETTINGS);
            List<Double> differences = LevelDifferences.perFrame(teleport.file(), clean.file(), SETTINGS);
            boolean returns = differences.getLast() < 1.5; // the prop is back where it belongs by the end
            if (returns) {
                assertRepairedToLookClean(teleport, "teleportation");
                repaired++;
            } else {
                QualityReport rejected = RepairRound.INSPECTOR.inspect(teleport.file(), QualityExpectations.NONE, null);
                assertThat(rejected.accepted()).isFalse();
                Path folder = Files.createDirectories(dir.resolve("stays-" + seed));
                assertThat(new GlitchRepair().repair(teleport.file(), rejected, RepairRound.THRESHOLDS, folder)).as(teleport.name()).isNull();
                stays++;
            }
        }
        assertThat(repaired).as("jumps that return").isGreaterThanOrEqualTo(2);
        assertThat(stays).as("jumps that stay").isGreaterThanOrEqualTo(1);
    }

    @Test
    void findsABlipButNotAStepOrSteadyMotion() {
        List<float[]> blip = frames(30, t -> t >= 12 && t <= 14 ? 60 : 0);
        assertThat(GlitchRepair.find(blip, 10, 16)).isEqualTo(new GlitchRepair.Run(12, 14));
        List<float[]> step = frames(30, t -> t >= 12 ? 60 : 0);
        assertThat(GlitchRepair.find(step, 10, 16)).isNull();
        List<float[]> ramp = frames(30, t -> 5 * t);
        assertThat(GlitchRepair.find(ramp, 10, 16)).isNull();
        List<float[]> tooLong = frames(30, t -> t >= 12 && t <= 12 + GlitchRepair.LONGEST ? 60 : 0);
        assertThat(GlitchRepair.find(tooLong, 10, 20)).isNull();
    }

    /** Frames of 96x64 grey at level 100, whose top-left 8x8 block is raised by {@code level(t)}. */
    private static List<float[]> frames(int count, java.util.function.IntToDoubleFunction level) {
        List<float[]> frames = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            float[] frame = new float[96 * 64];
            Arrays.fill(frame, 100);
            for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) frame[y * 96 + x] += (float) level.applyAsDouble(t);
            frames.add(frame);
        }
        return frames;
    }

    private void assertRepairedToLookClean(QualityTestSet.LabelledClip broken, String artifact) throws IOException {
        var clean = QualityTestSet.clean(dir, broken.kind(), broken.seed(), SETTINGS);
        RepairRound.Fixed repaired = RepairRound.repair(broken, artifact, dir);
        Path fixed = repaired.file();
        assertThat(repaired.note()).contains("redrawn");

        List<Double> before = LevelDifferences.worstBlock(broken.file(), clean.file(), SETTINGS, 16);
        List<Double> after = LevelDifferences.worstBlock(fixed, clean.file(), SETTINGS, 16);
        // Worst 16x16 square per frame: the glitch stands out there (40-110 levels), re-encoding costs about 4 everywhere,
        // and motion redrawn from the neighbours is close to what the clean clip shows, a zoom the least well.
        assertThat(LevelDifferences.max(before)).as("the injected glitch").isGreaterThan(30);
        assertThat(LevelDifferences.max(after)).as("the glitch at least halved: " + before + " -> " + after)
                .isLessThan(LevelDifferences.max(before) / 2);
        assertThat(LevelDifferences.median(after)).as("re-encoding loss").isLessThan(5);
    }
}
