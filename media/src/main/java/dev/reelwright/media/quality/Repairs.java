package dev.reelwright.media.quality;

import dev.reelwright.core.quality.ClipRepairer;
import dev.reelwright.core.quality.QualityReport;
import dev.reelwright.core.quality.QualityThresholds;
import java.nio.file.Path;
import java.util.List;

/** The repairs the OpenCV inspector offers, tried in order: the first that fixes every failing artifact does the work. */
final class Repairs implements ClipRepairer {
    private final List<ClipRepairer> repairers = List.of(new FlickerRepair(), new GlitchRepair());

    @Override
    public String id() {
        return String.join("+", repairers.stream().map(ClipRepairer::id).toList());
    }

    @Override
    public boolean repairs(QualityReport report, QualityThresholds thresholds) {
        return repairers.stream().anyMatch(r -> r.repairs(report, thresholds));
    }

    @Override
    public Repaired repair(Path clip, QualityReport report, QualityThresholds thresholds, Path folder) {
        for (ClipRepairer repairer : repairers) {
            if (repairer.repairs(report, thresholds)) return repairer.repair(clip, report, thresholds, folder);
        }
        return null;
    }
}
