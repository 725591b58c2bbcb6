package dev.reelwright.providers.remote;

import dev.reelwright.core.spi.WordTiming;
import java.util.ArrayList;
import java.util.List;

/**
 * Word timings for speech from a vendor that returns none (OpenAI speech, MiniMax): the text's words spread over
 * the audio in proportion to their length, with a breath after sentence and clause ends. An estimate, good enough
 * to pace captions; a transcriber gives exact ones.
 */
public final class EstimatedTimings {
    private static final double SENTENCE_PAUSE_WEIGHT = 6;
    private static final double CLAUSE_PAUSE_WEIGHT = 3;

    private EstimatedTimings() {}

    public static List<WordTiming> spread(String text, double seconds) {
        String[] words = text.strip().isEmpty() ? new String[0] : text.strip().split("\\s+");
        if (words.length == 0 || seconds <= 0) return List.of();
        double[] weights = new double[words.length];
        double[] pauses = new double[words.length];
        double total = 0;
        for (int i = 0; i < words.length; i++) {
            weights[i] = Math.max(2, words[i].replaceAll("[^\\p{L}\\p{N}]", "").length() + 1);
            pauses[i] = i == words.length - 1 ? 0 : words[i].matches(".*[.!?…]['\"”’)]*$") ? SENTENCE_PAUSE_WEIGHT
                    : words[i].matches(".*[,;:—–-]['\"”’)]*$") ? CLAUSE_PAUSE_WEIGHT : 0;
            total += weights[i] + pauses[i];
        }
        double unit = seconds / total;
        List<WordTiming> timings = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < words.length; i++) {
            double end = Math.min(seconds, t + weights[i] * unit);
            timings.add(new WordTiming(words[i], t, end));
            t = end + pauses[i] * unit;
        }
        return timings;
    }
}
