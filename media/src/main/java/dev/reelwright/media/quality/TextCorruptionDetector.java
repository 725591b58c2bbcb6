package dev.reelwright.media.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import dev.reelwright.core.quality.Artifact;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Text corruption: a line of text that stops reading as it did. Each text track from {@link TextRegions} is read
 * with OCR ({@link OcrEngine}) on detail frames, every {@link #READ_EVERY} frames and whenever its picture changes;
 * a track is real text once it has a clean reading (confident, mostly dictionary words), and that reading is its
 * baseline. A later reading is corrupt when its text differs from the baseline (edit distance) and it is less
 * dictionary-like or less confident, or when the line has lost its sharpness (variance of the Laplacian relative to
 * its contrast) while keeping its contrast: replaced, scrambled and smeared glyphs. Text that changes into other clean
 * words is legitimate and scores nothing. Two consecutive corrupt readings are needed, so one OCR slip does not count.
 */
final class TextCorruptionDetector implements Detector {
    /**
     * Badness 0.25 (a quarter of the letters no longer in dictionary words, or a fifth of the sharpness gone at
     * once) is at the rejection threshold.
     */
    static final double CRITICAL = 0.25;
    static final int READ_EVERY = 9;
    /** Crops are scaled so the line is this tall for OCR: Tesseract reads best around 30 px capitals. */
    private static final int OCR_HEIGHT = 96;
    private static final double MIN_EDIT = 0.1;
    /** Thumbnail of a line, to tell smeared text (same layout) from text that has gone. */
    private static final int THUMB_W = 48;
    private static final int THUMB_H = 12;
    private static final double SAME_LAYOUT = 0.7;
    /** Sharpness may fall this much (share) from one reading to the next before it counts as blur. */
    private static final double BLUR_TOLERANCE = 0.12;

    private final boolean keepFrames;
    private final double detailScale;
    /**
     * Borrowed on the worker at the first line to read, not up front: starting Tesseract takes about half a second
     * the first time in a process, and most clips show no text at all.
     */
    private volatile OcrEngine engine;
    /** No model on the classpath, or Tesseract would not start: text is not checked. */
    private volatile boolean noOcr;
    private final Map<Integer, Track> tracks = new HashMap<>();
    private final ExecutorService worker;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private static final int MAX_PENDING = 6;
    private int reads;

    /** One OCR reading; {@code detected} is false when the line was not found there and was read where it should be. */
    private record Reading(int frame, double seconds, boolean detected, OcrRead read, double sharpness, double contrast, byte[] thumbnail,
                           Mat picture) {}

    private static final class Track {
        final List<Reading> readings = new ArrayList<>();
        int lastRead = -1_000_000;
        byte[] lastPatch;
        boolean noise;
    }

    private record Pending(Track track, Future<Reading> reading) {}

    TextCorruptionDetector(WorkingSize size, boolean keepFrames, ExecutorService worker) {
        this.keepFrames = keepFrames;
        this.worker = worker;
        this.detailScale = size.detailScale();
        this.noOcr = !OcrEngine.available();
    }

    @Override
    public Artifact artifact() {
        return Artifact.TEXT_CORRUPTION;
    }

    @Override
    public void accept(FrameContext frame, FrameHistory history) {
        if (noOcr) return;
        collect(false);
        if (frame.detail == null) return;
        for (TextBox box : frame.textBoxes) {
            Track track = tracks.computeIfAbsent(box.track(), id -> new Track());
            if (track.noise) continue;
            boolean confirmed = track.readings.stream().anyMatch(r -> r.read.clean());
            if (!box.detected() && !confirmed) continue;
            if (box.left() < 1 || box.top() < 1 || box.left() + box.width() > frame.width - 1 || box.top() + box.height() > frame.height - 1) continue;
            byte[] patch = patch(frame, box);
            boolean due = frame.index - track.lastRead >= READ_EVERY;
            boolean changed = track.lastPatch != null && meanAbsDiff(patch, track.lastPatch) > 6;
            if (!due && !changed) continue;
            read(frame, box, track);
            track.lastPatch = patch;
        }
    }

    /** Takes in the OCR readings that are done (all of them when {@code all}), in the order they were asked for. */
    private void collect(boolean all) {
        while (!pending.isEmpty() && (all || pending.size() > MAX_PENDING || pending.peek().reading.isDone())) {
            Pending next = pending.poll();
            Reading reading;
            try {
                reading = next.reading.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading text", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            if (reading == null) continue;
            reads++;
            Track track = next.track;
            track.readings.add(reading);
            boolean confirmed = track.readings.stream().anyMatch(r -> r.read.clean());
            // A line that never reads as text after a few tries is texture: stop spending OCR on it.
            if (track.readings.size() >= 2 && !confirmed && track.readings.stream().noneMatch(r -> r.read.confidence() >= 50 && r.read.letters() >= 2)) {
                track.noise = true;
            }
        }
    }

    /** The box's picture on the working frame, 64 x 16, to notice when the line changes. */
    private static byte[] patch(FrameContext frame, TextBox box) {
        byte[] out = new byte[64 * 16];
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 64; x++) {
                out[y * 64 + x] = (byte) Math.round(frame.lumaAt(box.left() + (x + 0.5) * box.width() / 64, box.top() + (y + 0.5) * box.height() / 16));
            }
        }
        return out;
    }

    private static double meanAbsDiff(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        return sum / (double) a.length;
    }

    /** Crops the line from the detail frame, scaled for OCR, and has the worker read it. */
    private void read(FrameContext frame, TextBox box, Track track) {
        Mat detail = frame.detail;
        double pad = 0.3 * box.height();
        int x0 = (int) Math.max(0, Math.floor((box.left() - pad) * detailScale)), y0 = (int) Math.max(0, Math.floor((box.top() - pad) * detailScale));
        int x1 = (int) Math.min(detail.cols(), Math.ceil((box.left() + box.width() + pad) * detailScale));
        int y1 = (int) Math.min(detail.rows(), Math.ceil((box.top() + box.height() + pad) * detailScale));
        if (x1 - x0 < 8 || y1 - y0 < 6) return;
        double scale = OCR_HEIGHT / ((box.height() + 2 * pad) * detailScale);
        int width = Math.max(8, (int) Math.round((x1 - x0) * scale)), height = Math.max(8, (int) Math.round((y1 - y0) * scale));
        Mat sized = new Mat();
        try (Mat roi = new Mat(detail, new Rect(x0, y0, x1 - x0, y1 - y0)); Mat grey = new Mat()) {
            cvtColor(roi, grey, COLOR_BGR2GRAY);
            resize(grey, sized, new Size(width, height), 0, 0, scale > 1 ? INTER_CUBIC : INTER_AREA);
        }
        int index = frame.index;
        double seconds = frame.seconds;
        boolean detected = box.detected();
        Mat picture = keepFrames ? frame.bgr.clone() : null;
        track.lastRead = index;
        pending.add(new Pending(track, worker.submit(() -> {
            try (sized) {
                return measure(sized, index, seconds, detected, picture);
            }
        })));
    }

    /** The engine, borrowed on first use; only the worker thread calls this. */
    private OcrEngine engine() {
        if (engine == null && !noOcr) {
            engine = OcrEngine.borrow();
            noOcr = engine == null;
        }
        return engine;
    }

    /** OCR and the line's sharpness and contrast, on the worker thread. */
    private Reading measure(Mat sized, int index, double seconds, boolean detected, Mat picture) {
        int width = sized.cols(), height = sized.rows();
        byte[] pixels = inkOnWhite(sized);
        OcrEngine reader = engine();
        OcrRead read = reader == null ? OcrRead.NOTHING : reader.read(pixels, width, height);
        try (Mat laplacian = new Mat(); Mat mean = new Mat(); Mat deviation = new Mat()) {
            meanStdDev(sized, mean, deviation);
            double contrast = deviation.createIndexer() instanceof DoubleIndexer d ? d.get(0) : 0;
            Laplacian(sized, laplacian, CV_64F);
            meanStdDev(laplacian, mean, deviation);
            double edges = deviation.createIndexer() instanceof DoubleIndexer d ? d.get(0) : 0;
            double sharpness = contrast > 1 ? edges / contrast : 0;
            byte[] thumbnail = new byte[THUMB_W * THUMB_H];
            try (Mat small = new Mat()) {
                resize(sized, small, new Size(THUMB_W, THUMB_H), 0, 0, INTER_AREA);
                small.data().get(thumbnail);
            }
            return new Reading(index, seconds, detected, read, sharpness, contrast, thumbnail, picture);
        }
    }

    /**
     * The crop as black ink on white, which is what Tesseract reads best: Otsu's threshold, inverted if the text is
     * light on dark, and every dark patch touching the crop's edge (the background, the sign's frame) painted white.
     * Letters sit inside the crop's padding and stay.
     */
    static byte[] inkOnWhite(Mat grey) {
        int width = grey.cols(), height = grey.rows();
        try (Mat binary = new Mat(); Mat labels = new Mat(); Mat stats = new Mat(); Mat centroids = new Mat()) {
            threshold(grey, binary, 0, 255, THRESH_BINARY | THRESH_OTSU);
            byte[] bits = new byte[width * height];
            binary.data().get(bits);
            // Text is the minority inside the middle band of the crop: if white is the minority there, flip.
            int white = 0, band = 0;
            for (int y = height / 3; y < 2 * height / 3; y++) {
                for (int x = width / 8; x < width - width / 8; x++) {
                    band++;
                    if (bits[y * width + x] != 0) white++;
                }
            }
            if (white < band / 2) {
                for (int i = 0; i < bits.length; i++) bits[i] = (byte) (bits[i] == 0 ? 255 : 0);
            }
            // Ink is 0 (black); label the ink to find what touches the edge.
            byte[] ink = new byte[bits.length];
            for (int i = 0; i < bits.length; i++) ink[i] = (byte) (bits[i] == 0 ? 255 : 0);
            binary.data().put(ink);
            int count = connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
            boolean[] edge = new boolean[count];
            try (IntIndexer s = stats.createIndexer()) {
                for (int label = 1; label < count; label++) {
                    int left = s.get(label, 0), top = s.get(label, 1), w = s.get(label, 2), h = s.get(label, 3);
                    edge[label] = left == 0 || top == 0 || left + w >= width || top + h >= height;
                }
            }
            int[] labelled = new int[bits.length];
            try (IntPointer ints = new IntPointer(labels.data())) {
                ints.get(labelled);
            }
            for (int i = 0; i < bits.length; i++) {
                if (edge[labelled[i]]) bits[i] = (byte) 255;
            }
            return bits;
        }
    }

    /**
     * How corrupt a reading is (0 = as clean): its text against the track's baseline, its sharpness against the
     * readings just before it. Sharpness drifts as the camera moves (bigger text is crisper after scaling), but
     * blur arrives at once.
     */
    private static double badness(Reading reading, Reading baseline, double sharpnessBefore, double contrastBefore) {
        // Where the line was not found any more and reads as nothing, either the text has gone (a caption ended, an
        // occlusion) or it is smeared past reading. A smeared line keeps its layout: its small, blurry thumbnail still
        // looks like the clean line's.
        if (!reading.detected && reading.read.letters() < 3) {
            return correlation(reading.thumbnail, baseline.thumbnail) >= SAME_LAYOUT ? baseline.read.dictionaryShare() : 0;
        }
        double textual = 0;
        OcrRead now = reading.read, base = baseline.read;
        String a = now.normalised(), b = base.normalised();
        if (editDistance(a, b) / (double) Math.max(1, Math.max(a.length(), b.length())) >= MIN_EDIT) {
            // Fewer dictionary words is the main sign; a confidence drop beyond OCR's own wobble adds to it.
            textual = Math.max(0, base.dictionaryShare() - now.dictionaryShare()) + Math.max(0, (base.confidence() - now.confidence()) / 100 - 0.2);
        }
        double blur = 0;
        // A fade or a shadow lowers contrast and sharpness alike; blur takes sharpness and leaves most contrast.
        if (sharpnessBefore > 0 && reading.contrast >= 0.6 * contrastBefore) {
            blur = Math.max(0, 1 - reading.sharpness / sharpnessBefore - BLUR_TOLERANCE) * 2.5;
        }
        return Math.max(textual, blur);
    }

    /** Normalised cross-correlation of two thumbnails (0 when either is flat). */
    private static double correlation(byte[] a, byte[] b) {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        int n = a.length;
        for (int i = 0; i < n; i++) {
            double x = a[i] & 0xFF, y = b[i] & 0xFF;
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
        }
        double va = saa / n - (sa / n) * (sa / n), vb = sbb / n - (sb / n) * (sb / n);
        if (va < 25 || vb < 25) return 0;
        return (sab / n - (sa / n) * (sb / n)) / Math.sqrt(va * vb);
    }

    /**
     * Up to four readings before the i-th that show the same words (near enough: blur makes OCR slip a little).
     * Different words have a different sharpness, so a caption that moves on is not compared with the last one.
     */
    private static List<Reading> sameLineBefore(List<Reading> readings, int i) {
        String now = readings.get(i).read.normalised();
        List<Reading> same = new ArrayList<>();
        for (int k = i - 1; k >= 0 && same.size() < 4; k--) {
            String then = readings.get(k).read.normalised();
            if (editDistance(now, then) <= 0.3 * Math.max(now.length(), then.length())) same.add(readings.get(k));
        }
        return same;
    }

    private static double median(List<Reading> readings, java.util.function.ToDoubleFunction<Reading> value) {
        if (readings.isEmpty()) return 0;
        double[] values = readings.stream().mapToDouble(value).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** Levenshtein distance: single-character insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1], current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    @Override
    public Finding finish() {
        collect(true);
        if (noOcr) return new Finding(artifact(), 1, null, "OCR unavailable (no Tesseract model on the classpath); text not checked");
        double worst = 0;
        Reading worstReading = null, worstBaseline = null;
        int lines = 0;
        for (Track track : tracks.values()) {
            Reading baseline = null;
            for (Reading r : track.readings) {
                if (!r.read.clean()) continue;
                if (baseline == null || r.read.dictionaryShare() > baseline.read.dictionaryShare()
                        || r.read.dictionaryShare() == baseline.read.dictionaryShare() && r.read.confidence() > baseline.read.confidence()) {
                    baseline = r;
                }
            }
            if (baseline == null) continue;
            lines++;
            double previous = 0;
            List<Reading> readings = track.readings;
            for (int i = 0; i < readings.size(); i++) {
                Reading r = readings.get(i);
                List<Reading> before = sameLineBefore(readings, i);
                double sharpnessBefore = median(before, Reading::sharpness);
                double contrastBefore = median(before, Reading::contrast);
                double now = badness(r, baseline, sharpnessBefore, contrastBefore);
                double sustained = Math.min(previous, now); // two readings in a row
                if (sustained > worst) {
                    worst = sustained;
                    worstReading = r;
                    worstBaseline = baseline;
                }
                previous = now;
            }
        }
        String note = lines == 0 ? String.format(Locale.ROOT, "no readable text found (%d OCR reads)", reads)
                : worstReading == null ? String.format(Locale.ROOT, "%d lines of text read consistently (%d OCR reads)", lines, reads)
                : String.format(Locale.ROOT, "%d lines of text (%d OCR reads); '%s' (%.0f %% confident, %.0f %% dictionary) "
                        + "read as '%s' (%.0f %%, %.0f %%) at frame %d; sharpness x%.2f",
                        lines, reads, worstBaseline.read.text(), worstBaseline.read.confidence(), 100 * worstBaseline.read.dictionaryShare(),
                        worstReading.read.text(), worstReading.read.confidence(), 100 * worstReading.read.dictionaryShare(), worstReading.frame,
                        worstBaseline.sharpness > 0 ? worstReading.sharpness / worstBaseline.sharpness : 1);
        Capture capture = null;
        if (worstReading != null) {
            capture = Capture.of(worstBaseline.seconds, worstReading.seconds, worstBaseline.frame, worstReading.frame,
                    worstBaseline.picture == null ? null : worstBaseline.picture.clone(), worstReading.picture == null ? null : worstReading.picture.clone());
        }
        return new Finding(artifact(), Scores.fromBadness(worst, CRITICAL), capture, note);
    }

    @Override
    public void close() {
        for (Pending waiting : pending) {
            try {
                Reading r = waiting.reading.get();
                if (r != null && r.picture != null) r.picture.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException ignored) {
                // a reading of a clip being abandoned; nothing to report
            }
        }
        pending.clear();
        for (Track track : tracks.values()) {
            for (Reading r : track.readings) if (r.picture != null) r.picture.close();
        }
        tracks.clear();
        if (engine != null) engine.release();
    }
}
