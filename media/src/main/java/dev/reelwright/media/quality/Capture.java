package dev.reelwright.media.quality;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A moment a detector may cite as evidence: the span it covers and, when the caller wants evidence files, copies of
 * the two frames that show it (the frames themselves leave the history soon after).
 */
final class Capture implements AutoCloseable {
    final double from;
    final double to;
    final int frameA;
    final int frameB;
    private Mat a;
    private Mat b;

    private Capture(double from, double to, int frameA, int frameB, Mat a, Mat b) {
        this.from = from;
        this.to = to;
        this.frameA = frameA;
        this.frameB = frameB;
        this.a = a;
        this.b = b;
    }

    static Capture of(FrameContext first, FrameContext second, boolean keepFrames) {
        double from = Math.min(first.seconds, second.seconds), to = Math.max(first.seconds, second.seconds);
        return new Capture(from, to, first.index, second.index, keepFrames ? first.bgr.clone() : null, keepFrames ? second.bgr.clone() : null);
    }

    /** Two frames that are not both in the history any more: the caller hands over its own copies (or nulls). */
    static Capture of(double from, double to, int frameA, int frameB, Mat a, Mat b) {
        return new Capture(Math.min(from, to), Math.max(from, to), frameA, frameB, a, b);
    }

    Mat first() {
        return a;
    }

    Mat second() {
        return b;
    }

    @Override
    public void close() {
        if (a != null) a.close();
        if (b != null) b.close();
        a = null;
        b = null;
    }
}
