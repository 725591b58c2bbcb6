package dev.reelwright.providers.openai;

import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.providers.remote.EstimatedTimings;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts the timings a transcriber heard onto the words that were written: walks both in order, matching words by their
 * letters and digits (case, punctuation and accents ignored), allowing the transcript a few extra words and two heard
 * words for one written one ("well-known" heard as "well" "known"). Written words left unmatched (numbers read out, a
 * dropped word) are spread over the gap between their matched neighbours as {@link EstimatedTimings} would.
 */
final class WordAlignment {
    private static final int LOOKAHEAD = 3;

    private WordAlignment() {}

    static List<WordTiming> align(String text, List<WordTiming> heard, double seconds) {
        String[] written = text.strip().isEmpty() ? new String[0] : text.strip().split("\\s+");
        List<WordTiming> spoken = heard.stream().filter(w -> !key(w.word()).isEmpty()).toList();
        WordTiming[] matched = new WordTiming[written.length];
        int next = 0;
        for (int i = 0; i < written.length && next < spoken.size(); i++) {
            String wanted = key(written[i]);
            if (wanted.isEmpty()) continue;
            for (int k = 0; k < LOOKAHEAD && next + k < spoken.size(); k++) {
                WordTiming one = spoken.get(next + k);
                if (key(one.word()).equals(wanted)) {
                    matched[i] = new WordTiming(written[i], one.start(), one.end());
                    next += k + 1;
                    break;
                }
                if (next + k + 1 < spoken.size()) {
                    WordTiming two = spoken.get(next + k + 1);
                    if ((key(one.word()) + key(two.word())).equals(wanted)) {
                        matched[i] = new WordTiming(written[i], one.start(), Math.max(one.start(), two.end()));
                        next += k + 2;
                        break;
                    }
                }
            }
        }
        return fill(written, matched, seconds);
    }

    /** Keeps matched timings in order and inside the audio, and spreads each run of unmatched words over its gap. */
    private static List<WordTiming> fill(String[] written, WordTiming[] matched, double seconds) {
        List<WordTiming> out = new ArrayList<>(written.length);
        double floor = 0;
        for (int i = 0; i < written.length; ) {
            if (matched[i] != null) {
                double start = Math.clamp(matched[i].start(), floor, Math.max(floor, seconds));
                double end = Math.clamp(matched[i].end(), start, Math.max(start, seconds));
                out.add(new WordTiming(written[i], start, end));
                floor = end;
                i++;
                continue;
            }
            int run = i;
            while (run < written.length && matched[run] == null) run++;
            double gapEnd = run < written.length ? Math.clamp(matched[run].start(), floor, Math.max(floor, seconds)) : Math.max(floor, seconds);
            List<String> words = List.of(written).subList(i, run);
            List<WordTiming> spread = EstimatedTimings.spread(String.join(" ", words), gapEnd - floor);
            for (int w = 0; w < words.size(); w++) {
                out.add(spread.size() == words.size() ? spread.get(w).shifted(floor) : new WordTiming(words.get(w), floor, floor));
            }
            floor = gapEnd;
            i = run;
        }
        return out;
    }

    /** A word's letters and digits, lower case, accents removed. */
    static String key(String word) {
        String plain = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
