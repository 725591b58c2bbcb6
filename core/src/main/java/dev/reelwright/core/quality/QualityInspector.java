package dev.reelwright.core.quality;

import java.nio.file.Path;

/**
 * Looks at a finished clip and says whether it shows one of the known generation artifacts ({@link Artifact}).
 * Implementations read the file once, in a single pass, and never change it.
 */
public interface QualityInspector {
    /** A stable name for the inspector and its settings; part of the cache key of every inspection. */
    String id();

    /**
     * @param clip the video file
     * @param expectations the size and length asked for, or null to skip the {@link Artifact#FORMAT} check, and the
     *     reference image for {@link Artifact#SUBJECT_DRIFT} (without one the clip is compared with its own opening)
     * @param evidenceDir where to write the frame pair that shows each problem, or null to write nothing
     * @throws dev.reelwright.core.error.InputException when the file (or the reference image) is missing or cannot be decoded
     */
    QualityReport inspect(Path clip, QualityExpectations expectations, Path evidenceDir);

    /** What can fix a clip this inspector rejected, where the flaw allows it; none by default. */
    default java.util.Optional<ClipRepairer> repairer() {
        return java.util.Optional.empty();
    }
}
