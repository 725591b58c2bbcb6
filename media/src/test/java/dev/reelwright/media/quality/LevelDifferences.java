package dev.reelwright.media.quality;

import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.spi.FrameSource;
import dev.reelwright.media.decode.FfmpegClipDecoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How far a repaired clip is from the clean clip it was made from, frame by frame: what the repair tests compare. */
final class LevelDifferences {
    private LevelDifferences() {}

    /** Per frame, the mean absolute difference of the two clips' RGB levels. */
    static List<Double> perFrame(Path a, Path b, QualityTestSet.Settings settings) {
        return compare(a, b, settings, settings.width());
    }

    /**
     * Per frame, the worst mean absolute RGB difference of any {@code block}x{@code block} square: a small glitch that
     * whole-frame means dilute still stands out here.
     */
    static List<Double> worstBlock(Path a, Path b, QualityTestSet.Settings settings, int block) {
        return compare(a, b, settings, block);
    }

    private static List<Double> compare(Path a, Path b, QualityTestSet.Settings settings, int block) {
        VideoFormat format = new VideoFormat(settings.width(), settings.height(), settings.fps());
        int width = format.width(), height = format.height();
        int columns = (width + block - 1) / block, rows = block >= width ? 1 : (height + block - 1) / block;
        List<Double> differences = new ArrayList<>();
        try (FrameSource first = new FfmpegClipDecoder().open(a, format); FrameSource second = new FfmpegClipDecoder().open(b, format)) {
            int[] x = new int[width * height], y = new int[x.length];
            for (int i = 0; i < Math.min(first.frameCount(), second.frameCount()); i++) {
                first.read(i, x);
                second.read(i, y);
                long[] sums = new long[columns * rows];
                long[] counts = new long[sums.length];
                for (int p = 0; p < x.length; p++) {
                    int cell = (block >= width ? 0 : (p / width) / block * columns) + (p % width) / block;
                    for (int shift = 0; shift <= 16; shift += 8) sums[cell] += Math.abs((x[p] >> shift & 0xFF) - (y[p] >> shift & 0xFF));
                    counts[cell] += 3;
                }
                double worst = 0;
                for (int c = 0; c < sums.length; c++) worst = Math.max(worst, sums[c] / (double) Math.max(1, counts[c]));
                differences.add(worst);
            }
        }
        return differences;
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(d -> d).max().orElseThrow();
    }

    static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
