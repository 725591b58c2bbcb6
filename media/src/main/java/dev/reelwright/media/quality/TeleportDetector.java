package dev.reelwright.media.quality;

import dev.reelwright.core.quality.Artifact;
import java.util.Locale;

/**
 * Teleportation: an object that jumps between consecutive frames. The evidence is a {@link Jump}: the flow could not
 * follow the object, yet the place it landed matches the place it left. Camera moves are taken out before (the flow
 * and the camera fit follow them), and scene cuts are skipped. The badness is the jump length as a share of the frame
 * diagonal, so the score falls with how far the object jumped.
 */
final class TeleportDetector implements Detector {
    /** A jump of 4 % of the frame diagonal (about 18 pixels at 384 x 216) is at the rejection threshold. */
    static final double CRITICAL = 0.04;

    private final boolean keepFrames;
    private final double diagonal;
    private final String frameSize;
    private double worst;
    private Jump worstJump;
    private int worstFrame = -1;
    private int jumps;
    private Capture capture;

    TeleportDetector(WorkingSize size, boolean keepFrames) {
        this.keepFrames = keepFrames;
        this.diagonal = Math.hypot(size.width(), size.height());
        this.frameSize = size.width() + "x" + size.height();
    }

    @Override
    public Artifact artifact() {
        return Artifact.TELEPORTATION;
    }

    @Override
    public void accept(FrameContext frame, FrameHistory history) {
        for (Jump jump : frame.jumps) {
            jumps++;
            double badness = jump.distance() / diagonal;
            if (badness > worst) {
                worst = badness;
                worstJump = jump;
                worstFrame = frame.index;
                FrameContext before = history.get(frame.index - 1);
                if (before != null) {
                    if (capture != null) capture.close();
                    capture = Capture.of(before, frame, keepFrames);
                }
            }
        }
    }

    @Override
    public Finding finish() {
        String note = worstJump == null ? "no jumps"
                : String.format(Locale.ROOT, "%d jumps; largest %.0f px (%.1f %% of the diagonal) at frame %d, "
                        + "from (%.0f, %.0f) to (%.0f, %.0f) in the %s working frame, match %.2f",
                        jumps, worstJump.distance(), 100 * worst, worstFrame, worstJump.fromX(), worstJump.fromY(),
                        worstJump.toX(), worstJump.toY(), frameSize, worstJump.correlation());
        return new Finding(artifact(), Scores.fromBadness(worst, CRITICAL), worstJump == null ? null : capture, note);
    }

    @Override
    public void close() {
        if (capture != null) capture.close();
    }
}
