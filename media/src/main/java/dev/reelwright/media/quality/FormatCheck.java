package dev.reelwright.media.quality;

import dev.reelwright.core.quality.QualityExpectations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Size and length against what the caller asked for. A wrong size scores 0; a length outside the tolerance scores
 * below 0.5, less the further off it is. Without expectations there is nothing to check and the score is 1.
 */
final class FormatCheck {
    private FormatCheck() {}

    record Result(double score, String note) {}

    static Result check(QualityExpectations expected, int width, int height, double seconds) {
        if (expected == null) return new Result(1, "no expectations given");
        List<String> problems = new ArrayList<>();
        double score = 1;
        if (expected.width() != null && expected.width() != width || expected.height() != null && expected.height() != height) {
            score = 0;
            problems.add(String.format(Locale.ROOT, "size %dx%d, expected %sx%s", width, height,
                    expected.width() == null ? "any" : expected.width(), expected.height() == null ? "any" : expected.height()));
        }
        if (expected.seconds() != null) {
            double off = Math.abs(seconds - expected.seconds()), tolerance = expected.secondsTolerance();
            if (off > tolerance) {
                score = Math.min(score, 0.5 * tolerance / off);
                problems.add(String.format(Locale.ROOT, "length %.2f s, expected %.2f s (+/- %.2f s)", seconds, expected.seconds(), tolerance));
            }
        }
        String note = problems.isEmpty()
                ? String.format(Locale.ROOT, "%dx%d, %.2f s as expected", width, height, seconds)
                : String.join("; ", problems);
        return new Result(score, note);
    }
}
