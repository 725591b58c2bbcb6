package dev.reelwright.media.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.quality.ClipRepairer;
import dev.reelwright.core.quality.QualityExpectations;
import dev.reelwright.core.quality.QualityReport;
import dev.reelwright.core.quality.QualityThresholds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One round of what the pipeline does with a damaged clip, as the repair tests check it: the inspector rejects it for
 * the expected artifact, its repair offers to fix it, the repair writes a clip, and that clip passes the same inspector.
 */
final class RepairRound {
    static final QualityTestSet.Settings SETTINGS = QualityTestSet.Settings.DEFAULT;
    static final OpenCvQualityInspector INSPECTOR = new OpenCvQualityInspector();
    static final QualityThresholds THRESHOLDS = QualityThresholds.defaults();

    private RepairRound() {}

    /** The repaired clip and the repair's note. */
    record Fixed(Path file, String note) {}

    static Fixed repair(QualityTestSet.LabelledClip broken, String failing, Path dir) throws IOException {
        QualityReport rejected = INSPECTOR.inspect(broken.file(), QualityExpectations.NONE, null);
        assertThat(rejected.accepted()).as(broken.name()).isFalse();
        assertThat(rejected.failing()).as(broken.name()).isEqualTo(failing);
        ClipRepairer repairer = INSPECTOR.repairer().orElseThrow();
        assertThat(repairer.repairs(rejected, THRESHOLDS)).as(broken.name() + " offered for repair").isTrue();

        Path folder = Files.createDirectories(dir.resolve("repair-" + broken.name()));
        ClipRepairer.Repaired repaired = repairer.repair(broken.file(), rejected, THRESHOLDS, folder);
        assertThat(repaired).as(broken.name() + ": something found to repair").isNotNull();
        Path fixed = folder.resolve(repaired.file());
        QualityReport again = INSPECTOR.inspect(fixed, QualityExpectations.NONE, null);
        assertThat(again.accepted()).as(broken.name() + " repaired: " + again.scores()).isTrue();
        return new Fixed(fixed, repaired.note());
    }
}
