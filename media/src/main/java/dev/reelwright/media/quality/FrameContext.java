package dev.reelwright.media.quality;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What the shared motion analysis knows about one frame, computed once and read by every detector.
 *
 * <p>Frame data ({@code bgr}, {@code grey}, {@code luma}) stays valid while the frame is in the {@link FrameHistory}.
 * The per-pixel comparison with the previous frame ({@code flow}, {@code residual}) lives in buffers the analyser
 * reuses, so it is valid only while this is the newest frame.
 */
final class FrameContext {
    /** 3 x 3 regions for regional brightness; index {@link #GLOBAL} is the whole frame. */
    static final int GRID = 3;
    static final int GLOBAL = GRID * GRID;

    final int index;
    final double seconds;
    final int width;
    final int height;
    final Mat bgr;
    /** The same picture in YCrCb, for warping. */
    final Mat ycc;
    final Mat grey;
    /** A larger copy of this frame for OCR, on every few frames; else null. */
    final Mat detail;
    final byte[] luma;
    /** The frame in 8-bit YCrCb, interleaved (OpenCV's BT.601 conversion). */
    final byte[] colour;
    final double meanLuma;
    /** 99th percentile of luma: a black frame has no bright pixels at all. */
    final double brightLuma;

    /** False on the first frame: nothing below is meaningful then. */
    boolean hasPrevious;
    /** A scene cut between the previous frame and this one: motion-based detectors restart. */
    boolean cut;
    CameraMotion camera = CameraMotion.NONE;
    /** Log brightness change of each region (and the whole frame, last) against the motion-compensated previous frame. */
    final double[] regionShift = new double[GLOBAL + 1];
    /** Mean absolute luma difference to the previous frame without motion compensation (VBench's flicker measure). */
    double rawMeanAbsDiff;
    /** Share of pixels whose luma changed by more than a few levels, without motion compensation. */
    double changedFraction;
    /** Share of the frame whose change is unexplained. */
    double unexplainedFraction;
    List<ChangeBlob> blobs = List.of();
    /** Lines of text on this frame (see {@link TextRegions}). */
    List<TextBox> textBoxes = List.of();
    /** Blob pairs explained by something jumping from one to the other (see {@link JumpMatcher}). */
    List<Jump> jumps = List.of();

    /** Dense flow this frame -> previous frame (dx, dy interleaved), valid only while this frame is newest. */
    float[] flow;
    /** Luma minus the motion- and brightness-compensated previous frame; valid only while this frame is newest. */
    short[] residual;
    /** |Cr| + |Cb| change against the compensated previous frame; valid only while this frame is newest. */
    short[] chromaResidual;
    /** 1 where the flow lands inside the previous frame. */
    byte[] valid;

    FrameContext(int index, double seconds, Mat bgr, Mat ycc, Mat grey, Mat detail, byte[] luma, byte[] colour, double meanLuma, double brightLuma) {
        this.index = index;
        this.seconds = seconds;
        this.width = grey.cols();
        this.height = grey.rows();
        this.bgr = bgr;
        this.ycc = ycc;
        this.grey = grey;
        this.detail = detail;
        this.luma = luma;
        this.colour = colour;
        this.meanLuma = meanLuma;
        this.brightLuma = brightLuma;
    }

    /** Bilinear luma at a fractional position, clamped to the frame. */
    double lumaAt(double x, double y) {
        double cx = Math.max(0, Math.min(width - 1.001, x)), cy = Math.max(0, Math.min(height - 1.001, y));
        int x0 = (int) cx, y0 = (int) cy;
        double fx = cx - x0, fy = cy - y0;
        int i = y0 * width + x0;
        double top = (luma[i] & 0xFF) * (1 - fx) + (luma[i + 1] & 0xFF) * fx;
        double bottom = (luma[i + width] & 0xFF) * (1 - fx) + (luma[i + width + 1] & 0xFF) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    /** Bilinear Y, Cr, Cb at a fractional position, clamped to the frame, into {@code out}. */
    void colourAt(double x, double y, double[] out) {
        double cx = Math.max(0, Math.min(width - 1.001, x)), cy = Math.max(0, Math.min(height - 1.001, y));
        int x0 = (int) cx, y0 = (int) cy;
        double fx = cx - x0, fy = cy - y0;
        int i = 3 * (y0 * width + x0), j = i + 3 * width;
        for (int c = 0; c < 3; c++) {
            double top = (colour[i + c] & 0xFF) * (1 - fx) + (colour[i + 3 + c] & 0xFF) * fx;
            double bottom = (colour[j + c] & 0xFF) * (1 - fx) + (colour[j + 3 + c] & 0xFF) * fx;
            out[c] = top * (1 - fy) + bottom * fy;
        }
    }

    /** True when the point lies on (or within {@code margin} pixels of) a line of text. */
    boolean onText(double x, double y, double margin) {
        for (TextBox box : textBoxes) if (box.contains(x, y, margin)) return true;
        return false;
    }

    /** Releases the native images. */
    void close() {
        bgr.close();
        ycc.close();
        grey.close();
        if (detail != null) detail.close();
    }
}
