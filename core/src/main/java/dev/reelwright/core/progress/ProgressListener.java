package dev.reelwright.core.progress;

/**
 * What a long run tells whoever watches it: stages start, advance and finish. The CLI draws a bar on a
 * terminal, plain lines elsewhere, nothing with --quiet. Calls may come from several threads.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    default void stageStarted(String stage, int total) {}

    /** {@code done} of {@code total} units of the stage are finished; {@code detail} names the last one. */
    default void advanced(String stage, int done, int total, String detail) {}

    default void stageFinished(String stage, double seconds) {}
}
