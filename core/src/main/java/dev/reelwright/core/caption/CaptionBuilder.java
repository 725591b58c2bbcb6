package dev.reelwright.core.caption;

import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.core.timeline.CaptionCue;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups timed words into readable captions, following common subtitle practice: at most two lines of at most
 * 42 characters, a caption breaks at a sentence end or a pause, stays up at least a moment, and never overlaps
 * the next one.
 */
public final class CaptionBuilder {
    public static final int MAX_LINE_CHARS = 42;
    private static final double MAX_CUE_SECONDS = 6.0;
    private static final double PAUSE_BREAK_SECONDS = 0.6;
    private static final double MIN_CUE_SECONDS = 0.8;
    private static final double LINGER_SECONDS = 0.4;

    private CaptionBuilder() {}

    /**
     * Captions for one run of speech (a scene's narration) whose words are already on the video's clock.
     * {@code notAfter} bounds every cue (the scene's end), so captions never spill into the next scene.
     */
    public static List<CaptionCue> build(List<WordTiming> words, double notAfter) {
        List<List<WordTiming>> groups = group(words);
        List<CaptionCue> cues = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<WordTiming> group = groups.get(i);
            double start = group.getFirst().start();
            double nextStart = i + 1 < groups.size() ? groups.get(i + 1).getFirst().start() : notAfter;
            double end = Math.max(group.getLast().end() + LINGER_SECONDS, start + MIN_CUE_SECONDS);
            end = Math.min(end, Math.min(nextStart, notAfter));
            if (end <= start) end = Math.min(start + 0.05, notAfter);
            if (end <= start) continue; // a word at the very end of the scene: nothing can be shown
            cues.add(new CaptionCue(start, end, lines(group)));
        }
        return cues;
    }

    private static List<List<WordTiming>> group(List<WordTiming> words) {
        List<List<WordTiming>> groups = new ArrayList<>();
        List<WordTiming> current = new ArrayList<>();
        for (WordTiming word : words) {
            if (!current.isEmpty()) {
                WordTiming last = current.getLast();
                boolean sentenceEnd = last.word().matches(".*[.!?…][\"'”’)]*$");
                boolean pause = word.start() - last.end() > PAUSE_BREAK_SECONDS;
                boolean tooLong = word.end() - current.getFirst().start() > MAX_CUE_SECONDS;
                boolean tooWide = !fitsTwoLines(append(current, word));
                if (sentenceEnd || pause || tooLong || tooWide) {
                    groups.add(current);
                    current = new ArrayList<>();
                }
            }
            current.add(word);
        }
        if (!current.isEmpty()) groups.add(current);
        return groups;
    }

    private static List<WordTiming> append(List<WordTiming> words, WordTiming word) {
        List<WordTiming> copy = new ArrayList<>(words);
        copy.add(word);
        return copy;
    }

    /** True when the words fit on at most two lines of {@link #MAX_LINE_CHARS}. */
    static boolean fitsTwoLines(List<WordTiming> words) {
        return lines(words).stream()
                .allMatch(line -> line.stream().mapToInt(w -> w.word().length() + 1).sum() - 1 <= MAX_LINE_CHARS);
    }

    /** Splits words into lines of at most {@link #MAX_LINE_CHARS}, balancing two lines when both are needed. */
    static List<List<WordTiming>> lines(List<WordTiming> words) {
        int total = words.stream().mapToInt(w -> w.word().length()).sum() + words.size() - 1;
        if (total <= MAX_LINE_CHARS) return List.of(words);
        // Two lines: choose the break that keeps both within the limit and closest in length.
        int best = -1;
        int bestDifference = Integer.MAX_VALUE;
        int left = -1;
        for (int split = 1; split < words.size(); split++) {
            left += words.get(split - 1).word().length() + 1;
            int right = total - left - 1;
            if (left <= MAX_LINE_CHARS && right <= MAX_LINE_CHARS && Math.abs(left - right) < bestDifference) {
                best = split;
                bestDifference = Math.abs(left - right);
            }
        }
        if (best < 0) {
            // Cannot fit two lines: a single over-long word, or too many words; the grouping avoids the latter.
            List<List<WordTiming>> result = new ArrayList<>();
            result.add(words.subList(0, Math.max(1, words.size() / 2)));
            if (words.size() > 1) result.add(words.subList(Math.max(1, words.size() / 2), words.size()));
            return result;
        }
        return List.of(words.subList(0, best), words.subList(best, words.size()));
    }
}
