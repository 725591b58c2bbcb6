package dev.reelwright.media.quality;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.estimateAffinePartial2D;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The shared first stage: for each frame, dense optical flow back to the previous frame (computed ahead on the
 * flow thread by {@link FlowAhead}; DIS with mean normalisation, so a brightness jump does not derail it), the
 * camera's motion fitted to that flow, the previous frame warped onto this one, and
 * the residual that neither motion nor a regional brightness change explains. The residual's connected blobs are
 * where something appeared, vanished or jumped; a frame that is mostly unexplained is a scene cut.
 *
 * <p>Brightness is compared region by region with interquartile means, which a moving object covering less than a
 * quarter of a region does not move, and the residual is taken after a per-region gain and offset (from the
 * quartiles), so a flicker frame leaves no residual of its own.
 */
final class MotionAnalyzer implements AutoCloseable {
    /** Residual (luma levels) a pixel must exceed to count as unexplained, at the least. */
    private static final int MIN_THRESHOLD = 20;
    /** ... and at the most: after a cut the residual is all noise, and the next frame must still see changes. */
    private static final int MAX_THRESHOLD = 48;
    /**
     * Added to brightness before taking ratios: a change of one level in a near-black region is not a 10 % flash
     * (8-bit quantisation alone would make one).
     */
    private static final double DARK = 25;
    private static final double CUT_UNEXPLAINED = 0.3;
    private static final double CUT_CORRELATION = 0.35;
    private static final int GRID_STEP = 8;

    private final int width;
    private final int height;
    private final int pixels;
    private final Mat mask;
    private final Mat opened = new Mat();
    private final LabelBoxes components;
    private final Mat kernel = getStructuringElement(MORPH_RECT, new Size(3, 3));
    private final float[] flow;
    private final short[] residual;
    private final byte[] valid;
    private final byte[] maskBytes;
    private final short[] chromaResidual;
    private final byte[] warped;
    private final Mat coordinates;
    private final Mat map = new Mat();
    private final Mat noMap = new Mat();
    private final Mat warpedYcc = new Mat();
    private final Scalar black = new Scalar(0, 128, 128, 0);
    private final int minBlobArea;
    private final int[] rowCell;
    private final int[] columnCell;
    private int lumaBar = MIN_THRESHOLD;
    private int chromaBar = MIN_THRESHOLD;

    MotionAnalyzer(WorkingSize size) {
        this.width = size.width();
        this.height = size.height();
        this.pixels = width * height;
        this.mask = new Mat(height, width, CV_8UC1);
        this.flow = new float[pixels * 2];
        this.residual = new short[pixels];
        this.valid = new byte[pixels];
        this.maskBytes = new byte[pixels];
        this.components = new LabelBoxes(width, height);
        this.chromaResidual = new short[pixels];
        this.warped = new byte[pixels * 3];
        this.coordinates = FlowAhead.coordinates(width, height);
        this.minBlobArea = Math.max(12, (int) Math.round(pixels * 0.0005));
        this.rowCell = new int[height];
        this.columnCell = new int[width];
        for (int y = 0; y < height; y++) rowCell[y] = (y * FrameContext.GRID / height) * FrameContext.GRID;
        for (int x = 0; x < width; x++) columnCell[x] = x * FrameContext.GRID / width;
    }

    /** Analyses {@code frame} against {@code previous} (null for the first frame). Takes ownership of the images. */
    FrameContext analyse(DecodedFrame frame, FrameContext previous) {
        Mat ycc = frame.motion().ycc(), grey = frame.motion().grey();
        byte[] luma = new byte[pixels];
        grey.data().get(luma);
        byte[] colour = new byte[pixels * 3];
        ycc.data().get(colour);
        int[] histogram = new int[256];
        long sum = 0;
        for (byte b : luma) {
            int v = b & 0xFF;
            histogram[v]++;
            sum += v;
        }
        FrameContext context = new FrameContext(frame.index(), frame.seconds(), frame.bgr(), ycc, grey, frame.detail(), luma, colour,
                sum / (double) pixels, percentile(histogram, pixels, 0.99));
        context.flow = flow;
        context.residual = residual;
        context.chromaResidual = chromaResidual;
        context.valid = valid;
        if (previous == null || frame.motion().flow() == null) {
            if (frame.motion().flow() != null) frame.motion().flow().close();
            return context;
        }
        context.hasPrevious = true;
        long absDiff = 0;
        int changed = 0;
        for (int i = 0; i < pixels; i++) {
            int d = Math.abs((luma[i] & 0xFF) - (previous.luma[i] & 0xFF));
            absDiff += d;
            if (d > 6) changed++;
        }
        context.rawMeanAbsDiff = absDiff / (double) pixels;
        context.changedFraction = changed / (double) pixels;
        // The flow matrix serves remap as it is; the Java copy serves the per-pixel loops.
        try (Mat flowMatrix = frame.motion().flow(); FloatPointer floats = new FloatPointer(flowMatrix.data())) {
            floats.get(flow);
            context.camera = camera();
            compare(context, previous, flowMatrix);
        }
        return context;
    }

    private CameraMotion camera() {
        int margin = GRID_STEP;
        int cols = (width - 2 * margin) / GRID_STEP + 1, rows = (height - 2 * margin) / GRID_STEP + 1;
        float[] from = new float[cols * rows * 2], to = new float[cols * rows * 2];
        int n = 0;
        for (int y = margin; y < height - margin; y += GRID_STEP) {
            for (int x = margin; x < width - margin; x += GRID_STEP) {
                int i = (y * width + x) * 2;
                from[n * 2] = x;
                from[n * 2 + 1] = y;
                to[n * 2] = x + flow[i];
                to[n * 2 + 1] = y + flow[i + 1];
                n++;
            }
        }
        if (n < 6) return CameraMotion.NONE;
        try (FloatPointer fromPointer = new FloatPointer(from); FloatPointer toPointer = new FloatPointer(to);
                Mat fromMat = new Mat(n, 1, CV_32FC2, fromPointer); Mat toMat = new Mat(n, 1, CV_32FC2, toPointer);
                Mat inliers = new Mat();
                Mat model = estimateAffinePartial2D(fromMat, toMat, inliers, RANSAC, 1.0, 500, 0.99, 10)) {
            if (model == null || model.empty()) return CameraMotion.NONE;
            int kept = 0;
            try (UByteIndexer in = inliers.createIndexer()) {
                for (int i = 0; i < n; i++) if (in.get(i) != 0) kept++;
            }
            try (DoubleIndexer m = model.createIndexer()) {
                return new CameraMotion(m.get(0, 0), m.get(1, 0), m.get(0, 2), m.get(1, 2), kept / (double) n);
            }
        }
    }

    /** Warps the previous frame along the flow, compares brightness by region and finds what stays unexplained. */
    private void compare(FrameContext context, FrameContext previous, Mat flowMatrix) {
        byte[] cur = context.luma, curColour = context.colour;
        // The previous frame warped onto this one along the flow (OpenCV's remap: bilinear, vectorised).
        add(flowMatrix, coordinates, map);
        remap(previous.ycc, warpedYcc, map, noMap, INTER_LINEAR, BORDER_CONSTANT, black);
        warpedYcc.data().get(warped);
        int grid = FrameContext.GRID;
        // Brightness statistics from every other pixel in each direction: quartiles do not need all of them.
        int[][] histCur = new int[grid * grid][256], histWarp = new int[grid * grid][256];
        int[] counts = new int[grid * grid];
        int sampled = 0;
        for (int y = 0; y < height; y += 2) {
            int region = rowCell[y];
            for (int x = 0; x < width; x += 2) {
                int i = y * width + x;
                float px = x + flow[2 * i], py = y + flow[2 * i + 1];
                if (px < 0 || py < 0 || px > width - 1 || py > height - 1) continue;
                int cell = region + columnCell[x];
                histCur[cell][cur[i] & 0xFF]++;
                histWarp[cell][warped[3 * i] & 0xFF]++;
                counts[cell]++;
                sampled++;
            }
        }
        double[] gain = new double[grid * grid], offset = new double[grid * grid];
        int[] allCur = new int[256], allWarp = new int[256];
        int regionSamples = sampled == 0 ? 1 : (pixels / 4) / (grid * grid);
        for (int r = 0; r < grid * grid; r++) {
            for (int v = 0; v < 256; v++) {
                allCur[v] += histCur[r][v];
                allWarp[v] += histWarp[r][v];
            }
            if (counts[r] < regionSamples / 5) {
                gain[r] = 1;
                continue;
            }
            double[] c = quartiles(histCur[r], counts[r]), w = quartiles(histWarp[r], counts[r]);
            context.regionShift[r] = Math.log((c[3] + DARK) / (w[3] + DARK));
            gain[r] = Math.max(0.6, Math.min(1.6, (c[2] - c[0] + 4) / (w[2] - w[0] + 4)));
            offset[r] = c[1] - gain[r] * w[1];
        }
        if (sampled > pixels / 20) {
            double[] c = quartiles(allCur, sampled), w = quartiles(allWarp, sampled);
            context.regionShift[FrameContext.GLOBAL] = Math.log((c[3] + DARK) / (w[3] + DARK));
        }
        // Residuals after motion and brightness (chroma scales with the same gain), in integer arithmetic (gain and
        // offset in 1/256ths): this loop runs over every pixel of every frame. Pixels count as unexplained against
        // bars set from the previous frame's typical residual, so one pass does it all.
        int[] absHist = new int[256], chromaHist = new int[256];
        int[] gainFixed = new int[grid * grid], offsetFixed = new int[grid * grid];
        for (int r = 0; r < grid * grid; r++) {
            gainFixed[r] = (int) Math.round(gain[r] * 256);
            offsetFixed[r] = (int) Math.round(offset[r] * 256);
        }
        int margin = 2, validCount = 0, masked = 0;
        long sc = 0, sw = 0, scc = 0, sww = 0, scw = 0;
        for (int y = 0; y < height; y++) {
            int region = rowCell[y];
            boolean rowInside = y >= margin && y < height - margin;
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                float px = x + flow[2 * i], py = y + flow[2 * i + 1];
                if (px < 0 || py < 0 || px > width - 1 || py > height - 1) {
                    valid[i] = 0;
                    residual[i] = 0;
                    chromaResidual[i] = 0;
                    maskBytes[i] = 0;
                    continue;
                }
                valid[i] = 1;
                validCount++;
                int r = region + columnCell[x];
                int g = gainFixed[r], k = 3 * i;
                int predicted = (g * (warped[k] & 0xFF) + offsetFixed[r] + 128) >> 8;
                int c = cur[i] & 0xFF;
                int d = c - predicted;
                int cr = ((curColour[k + 1] & 0xFF) - 128) * 256 - g * ((warped[k + 1] & 0xFF) - 128);
                int cb = ((curColour[k + 2] & 0xFF) - 128) * 256 - g * ((warped[k + 2] & 0xFF) - 128);
                int chroma = Math.min(255, (Math.abs(cr) + Math.abs(cb) + 128) >> 8);
                int absD = Math.abs(d);
                residual[i] = (short) d;
                chromaResidual[i] = (short) chroma;
                absHist[Math.min(255, absD)]++;
                chromaHist[chroma]++;
                boolean inside = rowInside && x >= margin && x < width - margin;
                boolean unexplained = inside && (absD > lumaBar || chroma > chromaBar);
                maskBytes[i] = unexplained ? (byte) 255 : 0;
                if (unexplained) masked++;
                sc += c;
                sw += predicted;
                scc += c * c;
                sww += (long) predicted * predicted;
                scw += c * predicted;
            }
        }
        if (validCount > pixels / 5) {
            lumaBar = bar(absHist, validCount);
            chromaBar = bar(chromaHist, validCount);
        }
        double n = Math.max(1, validCount);
        double varC = scc / n - (sc / n) * (sc / n), varW = sww / n - (sw / n) * (sw / n);
        double correlation = (scw / n - (sc / n) * (double) (sw / n)) / Math.sqrt(Math.max(1e-6, varC * varW));
        if (varC < 4 && varW < 4) correlation = 1; // two flat frames (black, a fade's end) are the same picture
        if (masked > 0) findBlobs(context, validCount);
        context.cut = validCount < pixels * 0.3 || context.unexplainedFraction > CUT_UNEXPLAINED || correlation < CUT_CORRELATION;
    }

    private void findBlobs(FrameContext context, int validCount) {
        mask.data().put(maskBytes);
        morphologyEx(mask, opened, MORPH_OPEN, kernel);
        int openedCount = countNonZero(opened);
        // Every unexplained pixel is in some blob, so the share is known before labelling; labelling is needed only
        // when a blob could be big enough to matter (the usual case, everything explained, stops here).
        context.unexplainedFraction = openedCount / (double) Math.max(1, validCount);
        if (openedCount < minBlobArea || context.unexplainedFraction > CUT_UNEXPLAINED) return;
        LabelBoxes boxes = components.label(opened, 8);
        int[] labelInts = boxes.labels;
        List<ChangeBlob> blobs = new ArrayList<>();
        for (int label = 1; label < boxes.count; label++) {
            int area = boxes.area[label];
            if (area < minBlobArea) continue;
            int left = boxes.left[label], top = boxes.top[label], w = boxes.boxWidth(label), h = boxes.boxHeight(label);
            int[] members = new int[area];
            int k = 0;
            double sx = 0, sy = 0, res = 0;
            int skin = 0;
            byte[] colour = context.colour;
            for (int y = top; y < top + h; y++) {
                for (int x = left; x < left + w; x++) {
                    int i = y * width + x;
                    if (labelInts[i] != label) continue;
                    members[k++] = i;
                    sx += x;
                    sy += y;
                    res += Math.max(Math.abs(residual[i]), chromaResidual[i]);
                    if (Skin.isSkin(colour[3 * i] & 0xFF, colour[3 * i + 1] & 0xFF, colour[3 * i + 2] & 0xFF)) skin++;
                }
            }
            blobs.add(new ChangeBlob(left, top, w, h, k, sx / k, sy / k, res / k, skin / (double) k, members));
        }
        if (!blobs.isEmpty()) context.blobs = List.copyOf(blobs);
    }

    /** Four robust standard deviations (1.4826 x median absolute residual), within sane bounds. */
    private static int bar(int[] histogram, int count) {
        return (int) Math.max(MIN_THRESHOLD, Math.min(MAX_THRESHOLD, Math.ceil(4 * 1.4826 * percentile(histogram, count, 0.5))));
    }

    /** 25th, 50th and 75th percentile of a histogram, and the mean between the quartiles. */
    private static double[] quartiles(int[] histogram, int count) {
        double q1 = percentile(histogram, count, 0.25), q2 = percentile(histogram, count, 0.5), q3 = percentile(histogram, count, 0.75);
        double sum = 0;
        long n = 0;
        for (int v = (int) q1; v <= (int) q3; v++) {
            sum += (double) v * histogram[v];
            n += histogram[v];
        }
        return new double[] {q1, q2, q3, n == 0 ? q2 : sum / n};
    }

    static double percentile(int[] histogram, int count, double p) {
        long target = (long) Math.ceil(p * count), seen = 0;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (seen >= target && seen > 0) return v;
        }
        return histogram.length - 1;
    }

    @Override
    public void close() {
        mask.close();
        opened.close();
        components.close();
        kernel.close();
        coordinates.close();
        map.close();
        noMap.close();
        warpedYcc.close();
        black.close();
    }
}
