package dev.reelwright.media.quality;

import dev.reelwright.core.quality.Artifact;
import java.util.Locale;

/**
 * Frozen: consecutive frames that do not differ at all (a stalled generator repeats its last frame; an encoder then
 * stores skip blocks and the decoder returns the same picture). Two frames differ when a few hundredths of a per cent
 * of their pixels change visibly, so a still camera on a scene where only a hand moves is not frozen. The score is
 * the share of frame pairs that moved, so a clip frozen for half its length sits at the threshold. Pairs of black
 * frames are left to the black detector.
 */
final class FrozenDetector implements Detector {
    /** Share of pixels that must change visibly for two frames to differ: a small moving object is enough. */
    private static final double STILL = 0.0005;

    private final boolean keepFrames;
    private int pairs;
    private int still;
    private int runStart = -1;
    private int longestStart = -1;
    private int longest;
    private Capture capture;

    FrozenDetector(boolean keepFrames) {
        this.keepFrames = keepFrames;
    }

    @Override
    public Artifact artifact() {
        return Artifact.FROZEN;
    }

    @Override
    public void accept(FrameContext frame, FrameHistory history) {
        if (!frame.hasPrevious) return;
        FrameContext before = history.get(frame.index - 1);
        if (before != null && BlackDetector.isBlack(frame) && BlackDetector.isBlack(before)) return; // black's business
        pairs++;
        if (frame.changedFraction < STILL) {
            still++;
            if (runStart < 0) runStart = frame.index - 1;
            int length = frame.index - runStart;
            if (length > longest) {
                longest = length;
                longestStart = runStart;
                FrameContext first = history.get(runStart);
                if (first != null && (capture == null || capture.frameA != runStart)) {
                    if (capture != null) capture.close();
                    capture = Capture.of(first, frame, keepFrames);
                }
            }
        } else {
            runStart = -1;
        }
    }

    @Override
    public Finding finish() {
        double frozen = pairs == 0 ? 0 : still / (double) pairs;
        String note = String.format(Locale.ROOT, "%d of %d frame pairs identical; longest still run %d frames from frame %d",
                still, pairs, longest, longestStart);
        return new Finding(artifact(), 1 - frozen, still > 0 ? capture : null, note);
    }

    @Override
    public void close() {
        if (capture != null) capture.close();
    }
}
