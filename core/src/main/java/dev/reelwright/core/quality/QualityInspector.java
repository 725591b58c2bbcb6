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
     * @param expectations the size and length asked for, or null to skip the {@link Artifact#FORMAT} check
     * @param evidenceDir where to write the frame pair that shows each problem, or null to write nothing
     * @throws dev.reelwright.core.error.InputException when the file is missing or cannot be decoded
     */
    QualityReport inspect(Path clip, QualityExpectations expectations, Path evidenceDir);
}
