package dev.reelwright.providers.elevenlabs;

import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.providers.elevenlabs.api.AudioWithTimestamps.Alignment;
import dev.reelwright.providers.remote.EstimatedTimings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Word timings from ElevenLabs' character alignment. The words are the request text's whitespace-separated words
 * exactly as written (punctuation attached); each takes the start of its first character and the end of its last.
 * The alignment follows the input text; if its non-space characters do not match the text's (the vendor changed
 * something), words are paired with the alignment's whitespace-separated groups when the counts agree, and only
 * failing that spread over the audio as an estimate.
 */
final class WordAlignment {
    private WordAlignment() {}

    static List<WordTiming> words(String text, Alignment alignment, double seconds) {
        return aligned(text, alignment, seconds).orElseGet(() -> EstimatedTimings.spread(text, seconds));
    }

    /** The words timed by the alignment, or empty when it cannot time them (and only an estimate is left). */
    static Optional<List<WordTiming>> aligned(String text, Alignment alignment, double seconds) {
        String[] words = text.strip().isEmpty() ? new String[0] : text.strip().split("\\s+");
        if (words.length == 0) return Optional.of(List.of());
        if (alignment == null || !alignment.consistent()) return Optional.empty();
        double[][] spans = byCharacters(words, alignment);
        if (spans == null) spans = byGroups(words, alignment);
        if (spans == null) return Optional.empty();
        List<WordTiming> timings = new ArrayList<>(words.length);
        double floor = 0;
        for (int i = 0; i < words.length; i++) {
            double start = Math.max(floor, spans[i][0]);
            double end = Math.max(start, spans[i][1]);
            if (seconds > 0 && end > seconds) {
                end = seconds;
                start = Math.min(start, end);
            }
            timings.add(new WordTiming(words[i], start, end));
            floor = end;
        }
        return Optional.of(timings);
    }

    /** Matches the non-space characters of text and alignment one for one; null when they differ. */
    private static double[][] byCharacters(String[] words, Alignment alignment) {
        List<Integer> codePoints = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < alignment.characters().size(); i++) {
            int index = i;
            alignment.characters().get(i).codePoints().filter(cp -> !Character.isWhitespace(cp)).forEach(cp -> {
                codePoints.add(cp);
                owner.add(index);
            });
        }
        double[][] spans = new double[words.length][];
        int at = 0;
        for (int w = 0; w < words.length; w++) {
            int[] wanted = words[w].codePoints().toArray();
            if (at + wanted.length > codePoints.size()) return null;
            for (int k = 0; k < wanted.length; k++) {
                if (codePoints.get(at + k) != wanted[k]) return null;
            }
            int first = owner.get(at);
            int last = owner.get(at + wanted.length - 1);
            spans[w] = new double[] {alignment.starts().get(first), alignment.ends().get(last)};
            at += wanted.length;
        }
        return at == codePoints.size() ? spans : null;
    }

    /** Pairs words with the alignment's whitespace-separated groups by position; null when the counts differ. */
    private static double[][] byGroups(String[] words, Alignment alignment) {
        List<double[]> groups = new ArrayList<>();
        double[] current = null;
        for (int i = 0; i < alignment.characters().size(); i++) {
            if (alignment.characters().get(i).isBlank()) {
                current = null;
                continue;
            }
            if (current == null) {
                current = new double[] {alignment.starts().get(i), alignment.ends().get(i)};
                groups.add(current);
            } else {
                current[1] = alignment.ends().get(i);
            }
        }
        return groups.size() == words.length ? groups.toArray(new double[0][]) : null;
    }
}
