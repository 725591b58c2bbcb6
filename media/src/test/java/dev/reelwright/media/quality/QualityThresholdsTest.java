package dev.reelwright.media.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.QualityThresholds;
import dev.reelwright.core.quality.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thresholds: defaults, which artifact fails, overrides from files, and the score map the detectors share. */
class QualityThresholdsTest {
    @TempDir
    Path dir;

    private static Map<Artifact, Double> scores(double value) {
        Map<Artifact, Double> scores = new EnumMap<>(Artifact.class);
        for (Artifact artifact : Artifact.values()) scores.put(artifact, value);
        return scores;
    }

    @Test
    void theArtifactFurthestBelowItsThresholdFails() {
        QualityThresholds thresholds = QualityThresholds.defaults();
        assertThat(thresholds.threshold(Artifact.FLICKER)).isEqualTo(0.5);
        Map<Artifact, Double> scores = scores(0.9);
        assertThat(thresholds.verdict(scores)).isEqualTo(Verdict.ACCEPT);
        scores.put(Artifact.MORPHING, 0.4);
        scores.put(Artifact.FLICKER, 0.2);
        assertThat(thresholds.failing(scores)).contains(Artifact.FLICKER);
        assertThat(thresholds.with(Artifact.MORPHING, 0.95).failing(scores)).contains(Artifact.MORPHING);
        assertThat(thresholds.verdict(scores)).isEqualTo(Verdict.REJECT);
    }

    @Test
    void overridesAreReadFromJsonAndYaml() throws IOException {
        Path json = Files.writeString(dir.resolve("t.json"), "{\"flicker\": 0.7, \"ghost-limbs\": 0.2}");
        QualityThresholds fromJson = QualityThresholds.read(json);
        assertThat(fromJson.threshold(Artifact.FLICKER)).isEqualTo(0.7);
        assertThat(fromJson.threshold(Artifact.GHOST_LIMBS)).isEqualTo(0.2);
        assertThat(fromJson.threshold(Artifact.BLACK)).isEqualTo(0.5);
        Path yaml = Files.writeString(dir.resolve("t.yaml"), "text_corruption: 0.3\n");
        assertThat(QualityThresholds.read(yaml).threshold(Artifact.TEXT_CORRUPTION)).isEqualTo(0.3);
    }

    @Test
    void badFilesNameTheFile() throws IOException {
        Path unknown = Files.writeString(dir.resolve("u.json"), "{\"wobble\": 0.5}");
        assertThatThrownBy(() -> QualityThresholds.read(unknown)).isInstanceOf(InputException.class)
                .hasMessageContaining(unknown.toString()).hasMessageContaining("wobble");
        Path outOfRange = Files.writeString(dir.resolve("r.json"), "{\"flicker\": 2}");
        assertThatThrownBy(() -> QualityThresholds.read(outOfRange)).isInstanceOf(InputException.class).hasMessageContaining("0..1");
        assertThatThrownBy(() -> QualityThresholds.read(dir.resolve("none.json"))).isInstanceOf(InputException.class).hasMessageContaining("no such file");
    }

    @Test
    void scoresAreHalfAtTheCriticalBadnessAndMonotone() {
        assertThat(Scores.fromBadness(0, 0.05)).isEqualTo(1.0);
        assertThat(Scores.fromBadness(0.05, 0.05)).isEqualTo(0.5);
        assertThat(Scores.fromBadness(0.1, 0.05)).isEqualTo(0.25);
        assertThat(Scores.fromBadness(0.2, 0.05)).isLessThan(Scores.fromBadness(0.1, 0.05));
    }
}
