package dev.reelwright.media.quality;

import dev.reelwright.core.quality.Artifact;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Flicker: brightness that jumps and comes back within a few frames, over the whole frame or a large region.
 *
 * <p>Each region's brightness change against the motion-compensated previous frame (from {@link MotionAnalyzer}) is
 * summed into a brightness track per shot; a running median over 7 frames is its slow part (fades, pulses, lights
 * switching and staying on, all of which a median passes unchanged), and what is left is the high-frequency part.
 * Its peak, in log brightness, is the badness. Changes lasting 4 frames or more pass the median: that is the line
 * between flicker and legitimate strobing, which at 30 fps allows up to about 3.75 flashes a second, close to the
 * three-flashes-per-second limit of WCAG 2.x success criterion 2.3.1.
 *
 * <p>As a companion the note carries VBench's temporal-flickering score (Huang et al. 2024, "VBench: Comprehensive
 * Benchmark Suite for Video Generative Models"): one minus the mean absolute difference of consecutive frames.
 */
final class FlickerDetector implements Detector {
    /** A 5 % brightness spike that does not last is at the rejection threshold. */
    static final double CRITICAL = 0.05;
    private static final int HALF = 3;
    /** One region flickering counts for less than the whole frame. */
    private static final double REGION_WEIGHT = 0.7;

    private final boolean keepFrames;
    private final List<double[]> track = new ArrayList<>();
    private final List<Integer> trackFrames = new ArrayList<>();
    private FrameHistory history;
    private double worst;
    private int worstFrame = -1;
    private Capture capture;
    private int spikes;
    private double diffSum;
    private int diffCount;

    FlickerDetector(boolean keepFrames) {
        this.keepFrames = keepFrames;
    }

    @Override
    public Artifact artifact() {
        return Artifact.FLICKER;
    }

    @Override
    public void accept(FrameContext frame, FrameHistory history) {
        this.history = history;
        if (!frame.hasPrevious || frame.cut) {
            endShot();
            track.add(new double[FrameContext.GLOBAL + 1]);
            trackFrames.add(frame.index);
            return;
        }
        diffSum += frame.rawMeanAbsDiff;
        diffCount++;
        double[] last = track.get(track.size() - 1), next = new double[last.length];
        for (int r = 0; r < next.length; r++) next[r] = last[r] + frame.regionShift[r];
        track.add(next);
        trackFrames.add(frame.index);
        this.history = history;
        int at = track.size() - 1 - HALF;
        if (at == HALF) {
            for (int early = 0; early < HALF; early++) judge(early);
        }
        if (at >= HALF) judge(at);
    }

    /** The shot ended: judge its last frames, which had no full window, with the window they have. */
    private void endShot() {
        int size = track.size();
        int from = size < 2 * HALF + 1 ? 0 : size - HALF;
        for (int at = from; at < size; at++) judge(at);
        track.clear();
        trackFrames.clear();
    }

    private void judge(int at) {
        // A symmetric window: the median of a monotone stretch (a fade) is its middle value, so fades leave no residual.
        int half = Math.min(HALF, Math.min(at, track.size() - 1 - at));
        if (half < 1) return;
        int from = at - half, to = at + half;
        double value = 0;
        double[] window = new double[to - from + 1];
        for (int r = 0; r <= FrameContext.GLOBAL; r++) {
            for (int k = from; k <= to; k++) window[k - from] = track.get(k)[r];
            double residual = Math.abs(track.get(at)[r] - median(window));
            value = Math.max(value, r == FrameContext.GLOBAL ? residual : REGION_WEIGHT * residual);
        }
        if (value > CRITICAL / 2) spikes++;
        if (value > worst) {
            worst = value;
            worstFrame = trackFrames.get(at);
            FrameContext frame = history == null ? null : history.get(worstFrame);
            FrameContext before = history == null ? null : history.get(worstFrame - 1);
            if (frame != null && before != null) {
                if (capture != null) capture.close();
                capture = Capture.of(before, frame, keepFrames);
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @Override
    public Finding finish() {
        endShot();
        double vbench = diffCount == 0 ? 1 : 1 - diffSum / diffCount / 255;
        String note = String.format(Locale.ROOT,
                "largest brightness spike %.1f %% at frame %d; %d frames above half the critical level; VBench temporal flickering %.4f",
                100 * (Math.exp(worst) - 1), worstFrame, spikes, vbench);
        return new Finding(artifact(), Scores.fromBadness(worst, CRITICAL), worst > 0 ? capture : null, note);
    }

    @Override
    public void close() {
        if (capture != null) capture.close();
    }
}
