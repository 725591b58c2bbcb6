package dev.reelwright.media.quality;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded frame at the working size (BGR, 8 bit) with its YCrCb planes and flow back to the previous frame
 * ({@link FlowAhead}), and on every few frames a larger copy for OCR (else null). The receiver owns the native
 * images and closes them.
 */
record DecodedFrame(int index, double seconds, Mat bgr, FlowAhead.Prepared motion, Mat detail) implements AutoCloseable {
    @Override
    public void close() {
        bgr.close();
        motion.close();
        if (detail != null) detail.close();
    }
}
