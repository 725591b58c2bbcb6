package dev.reelwright.media.quality;

import dev.reelwright.core.quality.Artifact;
import java.util.Locale;

/**
 * Black: frames with no light in them (dark on average and without even a few bright pixels, so a night scene with
 * lit windows is not black). The score is the share of frames that are not black: fades to and from black pass,
 * a clip black for half its length sits at the threshold.
 */
final class BlackDetector implements Detector {
    private static final double DARK_MEAN = 12;
    private static final double DARK_BRIGHT = 40;

    private final boolean keepFrames;
    private int frames;
    private int black;
    private Capture capture;

    BlackDetector(boolean keepFrames) {
        this.keepFrames = keepFrames;
    }

    @Override
    public Artifact artifact() {
        return Artifact.BLACK;
    }

    @Override
    public void accept(FrameContext frame, FrameHistory history) {
        frames++;
        if (isBlack(frame)) {
            black++;
            if (capture == null) capture = Capture.of(frame, frame, keepFrames);
        }
    }

    static boolean isBlack(FrameContext frame) {
        return frame.meanLuma < DARK_MEAN && frame.brightLuma < DARK_BRIGHT;
    }

    @Override
    public Finding finish() {
        double share = frames == 0 ? 1 : black / (double) frames;
        return new Finding(artifact(), 1 - share, black > 0 ? capture : null,
                String.format(Locale.ROOT, "%d of %d frames black", black, frames));
    }

    @Override
    public void close() {
        if (capture != null) capture.close();
    }
}
