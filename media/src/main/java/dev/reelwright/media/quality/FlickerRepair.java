package dev.reelwright.media.quality;

import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.ClipRepairer;
import dev.reelwright.core.quality.QualityReport;
import dev.reelwright.core.quality.QualityThresholds;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Repairs whole-frame flicker, the brightness that jumps for a frame or three and comes back, by scaling each such
 * frame back to the brightness its neighbours agree on. It is the same split {@link FlickerDetector} makes: a running
 * median over {@value #WINDOW} frames is the intended brightness (fades, pulses and lights switched on pass a median
 * unchanged); a frame away from it is corrected by one gain, the ratio of the two.
 *
 * <p>Conservative on purpose: a frame is corrected only when at least {@value #AGREEING_PERCENT}% of a grid of
 * regions moved the same way and by a similar ratio, which is what a brightness jump does and a bright object
 * crossing part of the frame does not. Regional flicker is left alone; the repaired clip is inspected again and a
 * clip still rejected costs another take as before. Highlights clipped by a brightening flash stay clipped.
 *
 * <p>The clip is decoded twice (brightness first, then the frames to correct) and re-encoded ({@link ClipRewrite}).
 */
final class FlickerRepair implements ClipRepairer {
    static final int WINDOW = 7;
    static final int AGREEING_PERCENT = 75;
    private static final int GRID = 4;
    /** Below a 1.5 % difference a frame is as intended: grain and encoding move brightness that much. */
    private static final double SMALLEST = Math.log(1.015);
    /** A flash brighter or darker than this is not flicker to even out. */
    private static final double LARGEST = Math.log(2.0);
    private static final String FILE = "repaired.mp4";

    @Override
    public String id() {
        return "flicker-repair-v1-median" + WINDOW + "-agree" + AGREEING_PERCENT + "-crf" + ClipRewrite.CRF;
    }

    @Override
    public boolean repairs(QualityReport report, QualityThresholds thresholds) {
        var below = thresholds.below(report.scores());
        return below.equals(java.util.EnumSet.of(Artifact.FLICKER));
    }

    @Override
    public Repaired repair(Path clip, QualityReport report, QualityThresholds thresholds, Path folder) {
        double[] gains = gains(ClipRewrite.scan(clip, (index, picture) -> regions(picture)).frames());
        int corrected = 0;
        for (double gain : gains) if (gain != 1) corrected++;
        ClipRewrite.rewrite(clip, folder.resolve(FILE), (index, picture) -> {
            if (index < gains.length && gains[index] != 1) apply(picture, gains[index]);
        });
        return new Repaired(FILE, corrected == 0 ? "flicker: no frame differed from its neighbours as a whole; re-encoded unchanged"
                : String.format(Locale.ROOT, "flicker: brightness of %d frame%s evened out to its neighbours'", corrected, corrected == 1 ? "" : "s"));
    }

    /** Per frame, the log mean brightness of each region of a {@value #GRID}x{@value #GRID} grid. */
    private static double[] regions(ClipRewrite.Picture picture) {
        ByteBuffer pixels = picture.pixels();
        int width = picture.width(), height = picture.height(), stride = picture.stride();
        double[] sums = new double[GRID * GRID];
        int[] counts = new int[GRID * GRID];
        // Every fourth pixel each way is plenty for a mean over a sixteenth of the frame.
        for (int y = 0; y < height; y += 4) {
            int row = y * GRID / height;
            for (int x = 0; x < width; x += 4) {
                int at = y * stride + x * 3;
                int b = pixels.get(at) & 0xFF, g = pixels.get(at + 1) & 0xFF, r = pixels.get(at + 2) & 0xFF;
                int region = row * GRID + x * GRID / width;
                sums[region] += 0.114 * b + 0.587 * g + 0.299 * r;
                counts[region]++;
            }
        }
        double[] logs = new double[sums.length];
        for (int i = 0; i < sums.length; i++) logs[i] = Math.log(1 + sums[i] / Math.max(1, counts[i]));
        return logs;
    }

    /**
     * Each frame's correcting gain: 1 for a frame as intended, else the ratio back to its neighbours' brightness. A
     * frame is corrected when it stands out from its window's median (by more than two steps of any steady change
     * around it), most regions agree on how much, and it belongs to a run of at most three such frames with ordinary
     * frames on both sides. A run that touches frames standing out the other way is the edge of a longer change (a
     * light that came on and went off again over four frames or more), not a flash.
     */
    static double[] gains(List<double[]> regions) {
        int n = regions.size();
        int[] sign = new int[n];
        for (int t = 0; t < n; t++) {
            // Centred on the frame, narrower near the ends: a median of a window centred on a steady fade is the frame itself.
            int half = Math.min(WINDOW / 2, Math.min(t, n - 1 - t));
            double[] here = regions.get(t);
            double[] offsets = new double[here.length];
            double[] slopes = new double[here.length];
            for (int r = 0; r < here.length; r++) {
                double[] window = new double[2 * half + 1];
                double[] steps = new double[Math.max(1, 2 * half)];
                for (int i = t - half, k = 0; i <= t + half; i++, k++) {
                    window[k] = regions.get(i)[r];
                    if (i > t - half) steps[k - 1] = Math.abs(window[k] - window[k - 1]);
                }
                Arrays.sort(window);
                Arrays.sort(steps);
                offsets[r] = window[window.length / 2] - here[r];
                slopes[r] = steps[steps.length / 2];
            }
            double typical = median(offsets);
            double smallest = Math.max(SMALLEST, 2 * median(slopes));
            if (Math.abs(typical) < smallest || Math.abs(typical) > LARGEST) continue;
            int agreeing = 0;
            for (double o : offsets) {
                if (Math.signum(o) == Math.signum(typical) && Math.abs(o - typical) <= 0.5 * Math.abs(typical)) agreeing++;
            }
            if (agreeing * 100 < AGREEING_PERCENT * offsets.length) continue;
            sign[t] = (int) Math.signum(typical);
        }
        double[] gains = new double[n];
        Arrays.fill(gains, 1);
        for (int from = 0; from < n; ) {
            if (sign[from] == 0) {
                from++;
                continue;
            }
            int to = from;
            while (to + 1 < n && sign[to + 1] == sign[from]) to++;
            boolean edge = (from > 0 && sign[from - 1] == -sign[from]) || (to + 1 < n && sign[to + 1] == -sign[from]);
            if (to - from < 3 && !edge) {
                // The intended brightness is the line between the ordinary frames either side of the run.
                int before = from > 0 ? from - 1 : to + 1, after = to + 1 < n ? to + 1 : before;
                for (int t = from; t <= to && before < n; t++) {
                    double share = after == before ? 0 : (t - before) / (double) (after - before);
                    double[] here = regions.get(t), left = regions.get(before), right = regions.get(after);
                    double[] offsets = new double[here.length];
                    for (int r = 0; r < here.length; r++) offsets[r] = left[r] + share * (right[r] - left[r]) - here[r];
                    gains[t] = Math.exp(median(offsets));
                }
            }
            from = to + 1;
        }
        return gains;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Scales every channel by {@code gain} through a lookup table: brightness in log terms, as the detector measures it. */
    private static void apply(ClipRewrite.Picture picture, double gain) {
        // The detector's brightness is log(1 + mean); a gain on it maps to (1 + v) * gain - 1 per level.
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) lut[v] = (byte) Math.max(0, Math.min(255, (int) Math.round((1 + v) * gain - 1)));
        byte[] pixels = picture.copy();
        for (int i = 0; i < pixels.length; i++) pixels[i] = lut[pixels[i] & 0xFF];
        picture.set(pixels);
    }
}
