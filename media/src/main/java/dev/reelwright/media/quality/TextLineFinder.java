package dev.reelwright.media.quality;

import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_GRADIENT;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Finds lines of text in a grey frame the classical way: text is dense in strong, short edges, so the morphological
 * gradient is thresholded (Otsu 1979, "A Threshold Selection Method from Gray-Level Histograms"), letters are joined
 * into lines with a wide, flat closing (OpenCV's morphologyEx), and the resulting blobs
 * that are line-shaped (wider than tall, of text height) and densely filled with edges are kept. It over-finds on
 * busy textures by design; OCR confidence decides later what is text.
 */
final class TextLineFinder implements AutoCloseable {
    private final Mat gradient = new Mat();
    private final Mat binary = new Mat();
    private final Mat closed = new Mat();
    private final Mat small = getStructuringElement(MORPH_ELLIPSE, new Size(3, 3));
    private final Mat wide;
    private final int minHeight;
    private final int maxHeight;

    TextLineFinder(WorkingSize size) {
        int longSide = Math.max(size.width(), size.height());
        this.wide = getStructuringElement(MORPH_RECT, new Size(Math.max(5, longSide / 40), 1));
        this.minHeight = Math.max(6, longSide / 64);
        this.maxHeight = longSide / 6;
    }

    /** Candidate text lines, in the grey frame's pixels: {left, top, width, height}. */
    List<int[]> find(Mat grey) {
        morphologyEx(grey, gradient, MORPH_GRADIENT, small);
        threshold(gradient, binary, 0, 255, THRESH_BINARY | THRESH_OTSU);
        morphologyEx(binary, closed, MORPH_CLOSE, wide);
        List<int[]> lines = new ArrayList<>();
        try (MatVector contours = new MatVector(); Mat hierarchy = new Mat()) {
            findContours(closed, contours, hierarchy, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
            for (long c = 0; c < contours.size(); c++) {
                Rect box = boundingRect(contours.get(c));
                int w = box.width(), h = box.height();
                if (h < minHeight || h > maxHeight || w < 2 * h) continue;
                if (box.x() < 2 || box.y() < 2 || box.x() + w > grey.cols() - 2 || box.y() + h > grey.rows() - 2) continue;
                double density;
                try (Mat roi = new Mat(binary, box)) {
                    density = countNonZero(roi) / (double) (w * h);
                }
                if (density < 0.3 || density > 0.9) continue;
                lines.add(new int[] {box.x(), box.y(), w, h});
            }
        }
        return lines;
    }

    @Override
    public void close() {
        gradient.close();
        binary.close();
        closed.close();
        small.close();
        wide.close();
    }
}
