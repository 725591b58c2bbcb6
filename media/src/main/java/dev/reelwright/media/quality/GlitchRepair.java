package dev.reelwright.media.quality;

import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.ClipRepairer;
import dev.reelwright.core.quality.Evidence;
import dev.reelwright.core.quality.QualityReport;
import dev.reelwright.core.quality.QualityThresholds;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Repairs a brief glitch: a ghost limb that appears for a few frames and vanishes, an object that jumps away and
 * back. Near each span the inspector flagged, it looks for a run of at most {@value #LONGEST} frames that the picture
 * enters and leaves abruptly while the frames either side of it agree with each other; the run is then redrawn from those two
 * frames along their optical flow ({@link InBetweens}), what the shot would have shown without the glitch. A jump that stays
 * (no way back) has no such run and is left as it is, and a clip still rejected after repair costs another take.
 *
 * <p>Measured on a small grey copy of each frame, per cell of a {@value #COLUMNS}x{@value #ROWS} grid, so a small
 * limb counts as much as a large one: entering and leaving must each change some cell by {@value #FLOOR} levels or
 * more, and in that cell the two frames either side may differ by at most half of that.
 */
final class GlitchRepair implements ClipRepairer {
    static final int LONGEST = 5;
    static final int COLUMNS = 12;
    static final int ROWS = 8;
    static final double FLOOR = 6;
    private static final int SMALL_WIDTH = 96;
    private static final String FILE = "repaired.mp4";
    private static final Set<Artifact> FIXED = EnumSet.of(Artifact.GHOST_LIMBS, Artifact.TELEPORTATION);

    /** Frames {@code from}..{@code to} (inclusive) are a glitch between two frames that agree. */
    record Run(int from, int to) {}

    @Override
    public String id() {
        return "glitch-repair-v1-longest" + LONGEST + "-grid" + COLUMNS + "x" + ROWS + "-floor" + FLOOR + "-crf" + ClipRewrite.CRF;
    }

    @Override
    public boolean repairs(QualityReport report, QualityThresholds thresholds) {
        Set<Artifact> below = thresholds.below(report.scores());
        return !below.isEmpty() && FIXED.containsAll(below);
    }

    @Override
    public Repaired repair(Path clip, QualityReport report, QualityThresholds thresholds, Path folder) {
        ClipRewrite.Scan<float[]> scan = ClipRewrite.scan(clip, (index, picture) -> small(picture));
        List<Run> runs = new ArrayList<>();
        for (Evidence evidence : report.evidence()) {
            if (!FIXED.contains(evidence.artifact())) continue;
            int from = (int) Math.floor(evidence.from() * scan.fps()) - 3, to = (int) Math.ceil(evidence.to() * scan.fps()) + 3;
            Run run = find(scan.frames(), from, to);
            if (run != null && runs.stream().noneMatch(r -> r.from() <= run.to() && run.from() <= r.to())) runs.add(run);
        }
        if (runs.isEmpty()) return null;
        // The frames either side of each run, at full size, then what the shot would have shown between them.
        Map<Integer, byte[]> anchors = new HashMap<>();
        for (Run run : runs) {
            anchors.put(run.from() - 1, null);
            anchors.put(run.to() + 1, null);
        }
        int[] size = new int[2];
        ClipRewrite.scan(clip, (index, picture) -> {
            if (anchors.containsKey(index)) anchors.put(index, picture.copy());
            size[0] = picture.width();
            size[1] = picture.height();
            return null;
        });
        Map<Integer, byte[]> replacements = new HashMap<>();
        for (Run run : runs) {
            byte[][] between = InBetweens.between(anchors.get(run.from() - 1), anchors.get(run.to() + 1), size[0], size[1],
                    run.to() - run.from() + 1);
            for (int i = 0; i < between.length; i++) replacements.put(run.from() + i, between[i]);
        }
        ClipRewrite.rewrite(clip, folder.resolve(FILE), (index, picture) -> {
            byte[] replacement = replacements.get(index);
            if (replacement != null) picture.set(replacement);
        });
        int frames = runs.stream().mapToInt(r -> r.to() - r.from() + 1).sum();
        return new Repaired(FILE, String.format(Locale.ROOT, "%s: %d glitch frame%s in %d place%s redrawn from the frames either side"
                + " along their motion", String.join(" and ", FIXED.stream().filter(a -> report.score(a) < 1).map(Artifact::label).toList()),
                frames, frames == 1 ? "" : "s", runs.size(), runs.size() == 1 ? "" : "s"));
    }

    /**
     * The best glitch run touching frames {@code from}..{@code to}, or null. Judged per grid cell, so motion elsewhere
     * in the picture (a camera move, a walking figure) does not hide a glitch in one cell: some cell must change by
     * {@value #FLOOR} levels or more entering and leaving the run while its frames either side differ by at most half.
     */
    static Run find(List<float[]> frames, int from, int to) {
        Run best = null;
        double bestScore = 0;
        for (int a = Math.max(1, from - LONGEST + 1); a <= Math.min(frames.size() - 2, to); a++) {
            double[] enter = cells(frames.get(a), frames.get(a - 1));
            for (int b = a; b < Math.min(frames.size() - 1, a + LONGEST); b++) {
                if (b < from) continue;
                double[] leave = cells(frames.get(b + 1), frames.get(b)), bridge = cells(frames.get(b + 1), frames.get(a - 1));
                for (int c = 0; c < bridge.length; c++) {
                    double abrupt = Math.min(enter[c], leave[c]);
                    if (abrupt < FLOOR || bridge[c] > 0.5 * abrupt) continue;
                    double score = abrupt - bridge[c];
                    if (score > bestScore) {
                        bestScore = score;
                        best = new Run(a, b);
                    }
                }
            }
        }
        return best;
    }

    /** Per grid cell, the mean absolute difference of two small grey frames. */
    static double[] cells(float[] x, float[] y) {
        int width = SMALL_WIDTH, height = x.length / width;
        double[] cells = new double[COLUMNS * ROWS];
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                int x0 = column * width / COLUMNS, x1 = (column + 1) * width / COLUMNS;
                int y0 = row * height / ROWS, y1 = (row + 1) * height / ROWS;
                double sum = 0;
                for (int yy = y0; yy < y1; yy++) for (int xx = x0; xx < x1; xx++) sum += Math.abs(x[yy * width + xx] - y[yy * width + xx]);
                cells[row * COLUMNS + column] = sum / Math.max(1, (x1 - x0) * (y1 - y0));
            }
        }
        return cells;
    }

    /** A grey copy {@value #SMALL_WIDTH} pixels wide, each pixel the mean of the block it covers (sampled every other pixel). */
    private static float[] small(ClipRewrite.Picture picture) {
        int width = SMALL_WIDTH, height = Math.max(ROWS, Math.round(SMALL_WIDTH * picture.height() / (float) picture.width()));
        float[] grey = new float[width * height];
        int[] counts = new int[grey.length];
        ByteBuffer pixels = picture.pixels();
        for (int y = 0; y < picture.height(); y += 2) {
            int row = y * height / picture.height();
            for (int x = 0; x < picture.width(); x += 2) {
                int at = y * picture.stride() + x * 3;
                int cell = row * width + x * width / picture.width();
                grey[cell] += 0.114f * (pixels.get(at) & 0xFF) + 0.587f * (pixels.get(at + 1) & 0xFF) + 0.299f * (pixels.get(at + 2) & 0xFF);
                counts[cell]++;
            }
        }
        for (int i = 0; i < grey.length; i++) grey[i] /= Math.max(1, counts[i]);
        return grey;
    }
}
