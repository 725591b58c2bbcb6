package dev.reelwright.media.quality;

import dev.reelwright.core.quality.Artifact;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Morphing: an object whose shape drifts while it moves. Regions from {@link RegionSegmenter} are tracked from frame
 * to frame (position carried by the dense flow, colour and size gates), and each track keeps three shape measures:
 * filled area corrected for the camera's zoom, solidity, and elongation. A rigid object keeps all three however it
 * moves or turns and however the camera pans or zooms; a morphing one drifts. Medians over windows of
 * {@link #WINDOW} samples are compared (so a limb flashing for a few frames, a segmentation slip or a swinging arm does
 * not count), and the badness is the largest drift in units of what compression noise and articulation produce.
 * Only object-like tracks are judged: solid, and standing out from their surroundings.
 */
final class MorphingDetector implements Detector {
    /** Tuned on the test set: midway (geometrically) between the worst clean drift and the mildest medium morph. */
    static final double CRITICAL = 1.15;
    /** Samples (detail frames, every third frame) over which a new track is vetted as an object. */
    private static final int VETTING = 5;
    /** Samples per comparison window: 8 detail frames, about 0.8 s, longer than a limb's swing. */
    private static final int WINDOW = 8;
    /** How far back, in samples beyond the adjacent window, the earlier window may lie (about 1.4 s). */
    private static final int MAX_GAP_SAMPLES = 14;
    /** Samples a track may miss (a segmentation slip) before it ends. */
    private static final int MAX_GAP = 3;
    private static final int MAX_PENDING = 4;
    private static final double MIN_SOLIDITY = 0.8;
    private static final double MIN_CONTRAST = 20;
    /** Drift that counts as one unit: 20 % area, 0.06 solidity, 15 % elongation. */
    private static final double AREA_UNIT = Math.log(1.2);
    private static final double SOLIDITY_UNIT = 0.06;
    private static final double ELONGATION_UNIT = Math.log(1.15);
    /** ... or this many times the track's own sample-to-sample wobble, if that is more. */
    private static final double NOISE_UNITS = 4;

    private final boolean keepFrames;
    private final RegionSegmenter segmenter;
    private final List<Track> tracks = new ArrayList<>();
    private final double detailScale;
    private final ExecutorService worker;
    private final ArrayDeque<Sample> pending = new ArrayDeque<>();
    /**
     * Flow copies of samples already tracked, for the next samples: a 1080p clip's flow is 660 KB, which the JVM
     * allocates outside its young generation (a humongous object) and zeroes, every third frame otherwise.
     */
    private final ArrayDeque<float[]> spareFlows = new ArrayDeque<>();
    private FrameHistory history;
    private boolean reset = true;
    private double zoomAtSample = 1;
    private double zoom = 1;
    private int sample;
    private int lastSampledFrame = -1;
    private double worst;
    private String worstWhat = "";
    private Capture capture;
    private int tracked;

    private static final class Track {
        Region last;
        int lastSample;
        final List<Integer> frames = new ArrayList<>();
        final List<double[]> measures = new ArrayList<>();
        boolean object;
        boolean text;
    }

    /** A detail frame sent for segmentation, with what tracking needs from its time. */
    private record Sample(int frame, boolean reset, double zoom, int step, float[] flow, int width, int height, List<TextBox> text,
                          Future<List<Region>> regions) {}

    MorphingDetector(WorkingSize size, boolean keepFrames, ExecutorService worker) {
        this.keepFrames = keepFrames;
        this.worker = worker;
        this.segmenter = new RegionSegmenter(size.detailWidth(), size.detailHeight());
        this.detailScale = size.detailScale();
    }

    @Override
    public Artifact artifact() {
        return Artifact.MORPHING;
    }

    @Override
    public void accept(FrameContext frame, FrameHistory history) {
        this.history = history;
        if (!frame.hasPrevious || frame.cut) {
            zoom = 1;
            lastSampledFrame = -1;
            reset = true;
        } else {
            zoom /= frame.camera.scale();
        }
        drain(false);
        if (frame.detail == null) return;
        int step = lastSampledFrame < 0 ? 1 : frame.index - lastSampledFrame;
        lastSampledFrame = frame.index;
        Mat detail = frame.detail;
        double bright = frame.brightLuma;
        // Segmentation runs on the worker thread; the frame (and its detail picture) stays in the history meanwhile,
        // since at most MAX_PENDING samples wait.
        Future<List<Region>> regions = worker.submit(() -> segmenter.segment(detail, bright));
        pending.add(new Sample(frame.index, reset, zoom, step, copyOf(frame.flow), frame.width, frame.height, frame.textBoxes, regions));
        reset = false;
    }

    /** The frame's flow, copied: the analysis reuses its own array for the next frame while segmentation runs. */
    private float[] copyOf(float[] flow) {
        float[] copy = spareFlows.isEmpty() || spareFlows.peek().length != flow.length ? new float[flow.length] : spareFlows.pop();
        System.arraycopy(flow, 0, copy, 0, flow.length);
        return copy;
    }

    /** Tracks the samples whose regions are ready (all of them when {@code all}), in frame order. */
    private void drain(boolean all) {
        while (!pending.isEmpty() && (all || pending.size() > MAX_PENDING || pending.peek().regions.isDone())) {
            Sample next = pending.poll();
            List<Region> regions;
            try {
                regions = next.regions.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while segmenting", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            if (next.reset) tracks.clear();
            zoomAtSample = next.zoom;
            sample++;
            associate(next, regions);
            spareFlows.push(next.flow);
            for (Iterator<Track> it = tracks.iterator(); it.hasNext(); ) {
                Track track = it.next();
                if (sample - track.lastSample > MAX_GAP) it.remove();
                else if (track.lastSample == sample) judge(track, next.frame);
            }
        }
    }

    /** Matches regions to tracks; a region's previous place comes from the flow at its centre, times the frames since. */
    private void associate(Sample frame, List<Region> regions) {
        int step = frame.step;
        int existing = tracks.size();
        boolean[] taken = new boolean[existing];
        for (Region region : regions) {
            double px = region.cx(), py = region.cy();
            if (!frame.reset) {
                int wx = (int) Math.min(frame.width - 1, Math.round(px / detailScale)), wy = (int) Math.min(frame.height - 1, Math.round(py / detailScale));
                int i = (wy * frame.width + wx) * 2;
                px += frame.flow[i] * detailScale * step;
                py += frame.flow[i + 1] * detailScale * step;
            }
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int t = 0; t < existing; t++) {
                Track track = tracks.get(t);
                if (taken[t]) continue;
                Region last = track.last;
                double distance = Math.hypot(px - last.cx(), py - last.cy());
                double ratio = region.area() / last.area(), stretch = region.elongation() / last.elongation();
                if (distance > Math.max(4 * detailScale, 0.35 * Math.sqrt(region.area())) * (sample - track.lastSample)) continue;
                if (region.colourDistance(last) > 14) continue;
                // A region that merges with a neighbour or splits changes at once: that ends the track. A morph is gradual.
                if (ratio < 0.8 || ratio > 1.25 || stretch < 0.8 || stretch > 1.25 || Math.abs(region.solidity() - last.solidity()) > 0.1) continue;
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = t;
                }
            }
            Track track;
            if (best >= 0) {
                taken[best] = true;
                track = tracks.get(best);
            } else {
                track = new Track();
                tracks.add(track);
                tracked++;
            }
            track.last = region;
            track.lastSample = sample;
            // Text (captions, signs) changes shape whenever it changes words: the text detector judges it.
            if (onText(region, frame.text)) track.text = true;
            track.frames.add(frame.frame);
            // Measures: log area (zoom taken out), solidity, log elongation; and contrast, to vet the track.
            double area = Math.log(region.area() / (zoomAtSample * zoomAtSample));
            track.measures.add(new double[] {area, region.solidity(), Math.log(region.elongation()), region.contrast()});
            if (track.measures.size() == VETTING) {
                // Judge objects only: solid, standing out from their surroundings over their first frames.
                double[] first = median(track.measures, 0, VETTING);
                track.object = first[1] >= MIN_SOLIDITY && first[3] >= MIN_CONTRAST;
            }
        }
    }

    /**
     * Compares the track's shape over the last {@link #WINDOW} samples with an equally long window up to
     * {@link #MAX_GAP_SAMPLES} samples earlier, by medians: a limb swinging or legs scissoring go back and forth
     * within a window and leave the medians alone, while a morph moves them for good.
     */
    private void judge(Track track, int frameIndex) {
        if (!track.object || track.text) return;
        int n = track.measures.size();
        if (n < 2 * WINDOW) return;
        double[] now = median(track.measures, n - WINDOW, n);
        double[] jitter = jitter(track.measures);
        double areaUnit = Math.max(AREA_UNIT, NOISE_UNITS * jitter[0]);
        double solidityUnit = Math.max(SOLIDITY_UNIT, NOISE_UNITS * jitter[1]);
        double elongationUnit = Math.max(ELONGATION_UNIT, NOISE_UNITS * jitter[2]);
        for (int gap = 0; gap <= MAX_GAP_SAMPLES && n - 2 * WINDOW - gap >= 0; gap++) {
            int from = n - 2 * WINDOW - gap;
            double[] then = median(track.measures, from, from + WINDOW);
            double area = Math.abs(now[0] - then[0]) / areaUnit;
            double solidity = Math.abs(now[1] - then[1]) / solidityUnit;
            double elongation = Math.abs(now[2] - then[2]) / elongationUnit;
            double drift = Math.max(area, Math.max(solidity, elongation));
            if (drift > worst) {
                worst = drift;
                int thenFrame = track.frames.get(from + WINDOW / 2), nowFrame = track.frames.get(n - 1 - WINDOW / 2);
                worstWhat = String.format(Locale.ROOT,
                        "region at (%.0f, %.0f) (contrast %.0f to %.0f) from frame %d to %d: area x%.2f, solidity %+.2f, elongation x%.2f",
                        track.last.cx() / detailScale, track.last.cy() / detailScale, then[3], now[3], thenFrame, nowFrame,
                        Math.exp(now[0] - then[0]), now[1] - then[1], Math.exp(now[2] - then[2]));
                FrameContext before = history == null ? null : history.get(thenFrame);
                FrameContext after = history == null ? null : history.get(nowFrame);
                if (before != null && after != null) {
                    if (capture != null) capture.close();
                    capture = Capture.of(before, after, keepFrames);
                }
            }
        }
    }

    private boolean onText(Region region, List<TextBox> boxes) {
        double left = region.left() / detailScale, top = region.top() / detailScale;
        double right = left + region.width() / detailScale, bottom = top + region.height() / detailScale;
        for (TextBox box : boxes) {
            if (left < box.left() + box.width() && box.left() < right && top < box.top() + box.height() && box.top() < bottom) return true;
        }
        return false;
    }

    /**
     * How much each measure wobbles from one sample to the next (robust standard deviation of successive
     * differences, over root two): a region whose outline the segmentation only half finds wobbles a lot, and its
     * drift must be larger to count. A real morph is gradual and barely adds to the wobble.
     */
    private static double[] jitter(List<double[]> measures) {
        int n = measures.size();
        double[] out = new double[3];
        double[] steps = new double[n - 1];
        for (int k = 0; k < 3; k++) {
            for (int i = 1; i < n; i++) steps[i - 1] = Math.abs(measures.get(i)[k] - measures.get(i - 1)[k]);
            Arrays.sort(steps);
            out[k] = 1.4826 * steps[steps.length / 2] / Math.sqrt(2);
        }
        return out;
    }

    private static double[] median(List<double[]> measures, int from, int to) {
        double[] out = new double[4];
        double[] window = new double[to - from];
        for (int k = 0; k < 4; k++) {
            for (int i = from; i < to; i++) window[i - from] = measures.get(i)[k];
            Arrays.sort(window);
            int m = window.length;
            out[k] = m % 2 == 1 ? window[m / 2] : (window[m / 2 - 1] + window[m / 2]) / 2;
        }
        return out;
    }

    @Override
    public Finding finish() {
        drain(true);
        String note = worst == 0 ? tracked + " regions tracked, no shape drift"
                : String.format(Locale.ROOT, "%d regions tracked; largest drift %.2f units: %s", tracked, worst, worstWhat);
        return new Finding(artifact(), Scores.fromBadness(worst, CRITICAL), worst > 0 ? capture : null, note);
    }

    @Override
    public void close() {
        for (Sample waiting : pending) {
            try {
                waiting.regions.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException ignored) {
                // failed segmentation of a clip being abandoned; nothing to report
            }
        }
        pending.clear();
        segmenter.close();
        if (capture != null) capture.close();
    }
}
