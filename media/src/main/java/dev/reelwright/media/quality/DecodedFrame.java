package dev.reelwright.media.quality;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded frame at the working size (BGR, 8 bit), and on every few frames a larger copy for OCR (else null).
 * The receiver owns the native images and closes them.
 */
record DecodedFrame(int index, double seconds, Mat bgr, Mat detail) implements AutoCloseable {
    @Override
    public void close() {
        bgr.close();
        if (detail != null) detail.close();
    }
}
