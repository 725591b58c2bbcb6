package dev.reelwright.core.quality;

import java.nio.file.Path;

/**
 * Fixes a rejected clip locally instead of paying for another take, where the flaw allows it: flicker is brightness
 * that jumps and comes back, so evening it out leaves the picture as it was meant. A repaired clip goes through the
 * same quality filter again and is used only when it passes.
 */
public interface ClipRepairer {
    /** A stable name for the repair and its settings; part of the cache key of every repair. */
    String id();

    /** Whether every artifact that fails {@code thresholds} in {@code report} is one this repairer fixes. */
    boolean repairs(QualityReport report, QualityThresholds thresholds);

    /**
     * Writes the repaired clip into {@code folder} (an empty folder owned by this call) and says what was done; null
     * when the clip holds nothing this repair can fix after all (then nothing is written).
     */
    Repaired repair(Path clip, QualityReport report, QualityThresholds thresholds, Path folder);

    /** The repaired clip's file name inside the folder, and one line on what changed. */
    record Repaired(String file, String note) {}
}
