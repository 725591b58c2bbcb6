package dev.reelwright.media.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.bitwise_or;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.Canny;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.contourArea;
import static org.bytedeco.opencv.global.opencv_imgproc.convexHull;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.moments;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Moments;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Splits a frame into regions of near-uniform colour: Canny edges (Canny 1986, "A Computational Approach to Edge
 * Detection"; OpenCV's Canny) on lightness and on both CIELAB colour axes (so a
 * skin-toned arm on a beige wall still has an edge), slightly thickened, and the connected areas between them. Only
 * mid-sized regions clear of the frame border are kept, each with its outer contour's area, solidity (area over
 * convex-hull area) and elongation (from the second moments) — the shape measures MORPHING watches.
 */
final class RegionSegmenter implements AutoCloseable {
    private static final double MIN_AREA = 0.002;
    private static final double MAX_AREA = 0.12;
    private static final int BORDER = 3;
    /** Width of the ring outside a region whose colour the region is compared with. */
    private static final int RING = 3;

    private final int width;
    private final int height;
    private final Mat blurred = new Mat();
    private final Mat lab = new Mat();
    private final MatVector channels = new MatVector();
    private final Mat edges = new Mat();
    private final Mat chromaEdges = new Mat();
    private final Mat open = new Mat();
    private final Mat kernel = getStructuringElement(MORPH_RECT, new Size(3, 3));
    private final Mat notchKernel = getStructuringElement(MORPH_ELLIPSE, new Size(7, 7));
    private final Mat ringKernel = getStructuringElement(MORPH_RECT, new Size(2 * RING + 1, 2 * RING + 1));
    private final LabelBoxes components;
    private final int[] labelInts;
    private final byte[] labBytes;

    RegionSegmenter(int width, int height) {
        this.width = width;
        this.height = height;
        this.components = new LabelBoxes(width, height);
        this.labelInts = components.labels;
        this.labBytes = new byte[width * height * 3];
    }

    /** Regions of a BGR picture of this segmenter's size; {@code brightLuma} is the picture's 99th luma percentile. */
    List<Region> segment(Mat bgr, double brightLuma) {
        GaussianBlur(bgr, blurred, new Size(5, 5), 1.0);
        cvtColor(blurred, lab, COLOR_BGR2Lab);
        split(lab, channels);
        // Thresholds follow the picture's contrast, so a fading shot keeps its regions.
        double contrast = Math.max(0.25, Math.min(1, brightLuma / 200));
        Canny(channels.get(0), edges, 20 * contrast, 50 * contrast);
        Canny(channels.get(1), chromaEdges, 12, 30);
        bitwise_or(edges, chromaEdges, edges);
        Canny(channels.get(2), chromaEdges, 12, 30);
        bitwise_or(edges, chromaEdges, edges);
        dilate(edges, edges, kernel);
        bitwise_not(edges, open);
        LabelBoxes boxes = components.label(open, 4);
        int pixels = width * height;
        List<int[]> kept = new ArrayList<>();
        for (int label = 1; label < boxes.count; label++) {
            int area = boxes.area[label], left = boxes.left[label], top = boxes.top[label];
            int w = boxes.boxWidth(label), h = boxes.boxHeight(label);
            if (area < MIN_AREA * pixels || area > MAX_AREA * pixels) continue;
            if (left < BORDER || top < BORDER || left + w > width - BORDER || top + h > height - BORDER) continue;
            if (area < 0.25 * w * h) continue;
            kept.add(new int[] {label, left, top, w, h, area});
        }
        if (kept.isEmpty()) return List.of();
        lab.data().get(labBytes);
        List<Region> regions = new ArrayList<>();
        for (int[] k : kept) {
            Region region = describe(k[0], k[1], k[2], k[3], k[4], k[5]);
            if (region != null) regions.add(region);
        }
        return regions;
    }

    private Region describe(int label, int left, int top, int w, int h, int area) {
        double l = 0, a = 0, b = 0, ll = 0;
        int pad = RING + 1, mw = w + 2 * pad, mh = h + 2 * pad;
        byte[] maskBytes = new byte[mw * mh];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (top + y) * width + left + x;
                if (labelInts[i] != label) continue;
                maskBytes[(y + pad) * mw + x + pad] = (byte) 255;
                double vl = labBytes[3 * i] & 0xFF;
                l += vl;
                ll += vl * vl;
                a += labBytes[3 * i + 1] & 0xFF;
                b += labBytes[3 * i + 2] & 0xFF;
            }
        }
        l /= area;
        a /= area;
        b /= area;
        double texture = Math.sqrt(Math.max(0, ll / area - l * l));
        // Strongly textured patches are not objects with an outline.
        if (texture > 14) return null;
        try (Mat mask = new Mat(mh, mw, CV_8UC1); Mat ring = new Mat()) {
            mask.data().put(maskBytes);
            dilate(mask, mask, kernel); // give back the pixel the thickened edges took
            // Close small notches: a highlight or a mark touching the outline is not a change of shape.
            morphologyEx(mask, mask, MORPH_CLOSE, notchKernel);
            dilate(mask, ring, ringKernel);
            byte[] inner = new byte[mw * mh], outer = new byte[mw * mh];
            mask.data().get(inner);
            ring.data().get(outer);
            double rl = 0, ra = 0, rb = 0;
            int rn = 0;
            for (int y = 0; y < mh; y++) {
                int iy = top - pad + y;
                if (iy < 0 || iy >= height) continue;
                for (int x = 0; x < mw; x++) {
                    int ix = left - pad + x, k = y * mw + x;
                    if (ix < 0 || ix >= width || outer[k] == 0 || inner[k] != 0) continue;
                    int i = iy * width + ix;
                    rl += labBytes[3 * i] & 0xFF;
                    ra += labBytes[3 * i + 1] & 0xFF;
                    rb += labBytes[3 * i + 2] & 0xFF;
                    rn++;
                }
            }
            double contrast = rn == 0 ? 0 : Math.sqrt(Math.pow(rl / rn - l, 2) + Math.pow(ra / rn - a, 2) + Math.pow(rb / rn - b, 2));
            try (MatVector contours = new MatVector(); Mat hierarchy = new Mat()) {
                findContours(mask, contours, hierarchy, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
                Mat best = null;
                double bestArea = 0;
                for (long c = 0; c < contours.size(); c++) {
                    double ca = contourArea(contours.get(c));
                    if (ca > bestArea) {
                        bestArea = ca;
                        best = contours.get(c);
                    }
                }
                if (best == null || bestArea < 8) return null;
                double hullArea;
                try (Mat hull = new Mat()) {
                    convexHull(best, hull);
                    hullArea = contourArea(hull);
                }
                Moments m = moments(best);
                double cx = m.m10() / m.m00(), cy = m.m01() / m.m00();
                double mu20 = m.mu20() / m.m00(), mu02 = m.mu02() / m.m00(), mu11 = m.mu11() / m.m00();
                double common = Math.sqrt(Math.pow(mu20 - mu02, 2) + 4 * mu11 * mu11);
                double major = (mu20 + mu02 + common) / 2, minor = Math.max(1e-6, (mu20 + mu02 - common) / 2);
                return new Region(left - pad + cx, top - pad + cy, bestArea, bestArea / Math.max(bestArea, hullArea),
                        Math.sqrt(major / minor), contrast, texture, l, a, b, left, top, w, h);
            }
        }
    }

    @Override
    public void close() {
        blurred.close();
        lab.close();
        channels.close();
        edges.close();
        chromaEdges.close();
        open.close();
        components.close();
        kernel.close();
        ringKernel.close();
        notchKernel.close();
    }
}
