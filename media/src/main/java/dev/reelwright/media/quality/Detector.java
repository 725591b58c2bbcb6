package dev.reelwright.media.quality;

import dev.reelwright.core.quality.Artifact;

/**
 * One artifact's detector. It sees every frame once, in order, after the shared motion analysis, keeps only the
 * little state it needs, and gives its finding at the end of the clip.
 */
interface Detector extends AutoCloseable {
    Artifact artifact();

    void accept(FrameContext frame, FrameHistory history);

    Finding finish();

    /** Releases anything native the detector holds (engines, kept frames). */
    @Override
    default void close() {}
}
