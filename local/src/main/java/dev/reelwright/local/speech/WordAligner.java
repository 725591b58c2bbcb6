package dev.reelwright.local.speech;

import dev.reelwright.core.spi.WordTiming;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Maps the synthesiser's tokens back onto the script's own words (whitespace-separated, punctuation attached).
 *
 * <p>Both sides are reduced to their letters and digits ({@link #key}): a word like {@code "lighthouse,"} and the
 * token FreeTTS made of it, {@code "lighthouse"}, both become {@code "lighthouse"}; {@code "1984."} and
 * {@code "1984"} become {@code "1984"}. The concatenated keys are compared character by character, every token
 * character gets an equal share of its token's time, and a word runs from its first character's start to its last
 * character's end. When the keys agree (the usual case) a word gets exactly its token's span. Where they differ,
 * the characters between the common prefix and suffix are mapped proportionally, so a surprise stays local. Words
 * that still get no time (no letters or digits, like a lone dash, or a token that made no sound) are spread over
 * the gap between their timed neighbours, so every word of the script is timed, in order and within the audio.
 */
final class WordAligner {
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private WordAligner() {}

    /** The letters and digits of {@code text}, compatibility-decomposed, without accents, lower-cased. */
    static String key(String text) {
        String plain = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        StringBuilder key = new StringBuilder(plain.length());
        plain.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(key::appendCodePoint);
        return key.toString();
    }

    /** The script's words: the text split at whitespace. */
    static List<String> words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
    }

    /**
     * Times {@code words} from {@code tokens} (in order, times in seconds or NaN when silent) within an audio of
     * {@code seconds}. Returns one timing per word, non-overlapping, non-decreasing, inside [0, seconds].
     */
    static List<WordTiming> align(List<String> words, List<SpokenToken> tokens, double seconds) {
        int n = words.size();
        double[] start = new double[n];
        double[] end = new double[n];
        Arrays.fill(start, Double.NaN);
        Arrays.fill(end, Double.NaN);

        // Token side: the concatenated keys, and each character's time slice.
        StringBuilder tokenKeys = new StringBuilder();
        List<double[]> charTimes = new ArrayList<>();
        for (SpokenToken token : tokens) {
            String key = key(token.text());
            for (int c = 0; c < key.length(); c++) {
                tokenKeys.append(key.charAt(c));
                if (token.spoken()) {
                    double share = (token.end() - token.start()) / key.length();
                    charTimes.add(new double[] {token.start() + share * c, c == key.length() - 1 ? token.end() : token.start() + share * (c + 1)});
                } else {
                    charTimes.add(null);
                }
            }
        }

        // Word side: the concatenated keys, and where each word's characters begin.
        StringBuilder wordKeys = new StringBuilder();
        int[] firstChar = new int[n + 1];
        for (int i = 0; i < n; i++) {
            firstChar[i] = wordKeys.length();
            wordKeys.append(key(words.get(i)));
        }
        firstChar[n] = wordKeys.length();

        int[] toToken = mapCharacters(wordKeys, tokenKeys);
        for (int i = 0; i < n; i++) {
            for (int c = firstChar[i]; c < firstChar[i + 1]; c++) {
                int t = toToken[c];
                double[] time = t < 0 ? null : charTimes.get(t);
                if (time == null) continue;
                if (Double.isNaN(start[i])) start[i] = time[0];
                end[i] = Double.isNaN(end[i]) ? time[1] : Math.max(end[i], time[1]);
            }
        }

        // Keep timed words inside the audio and in order (a word starts no earlier than the one before ends).
        double previousEnd = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(start[i])) continue;
            start[i] = clamp(Math.max(start[i], previousEnd), seconds);
            end[i] = clamp(Math.max(end[i], start[i]), seconds);
            previousEnd = end[i];
        }

        interpolateUntimed(words, start, end, seconds);

        List<WordTiming> timings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) timings.add(new WordTiming(words.get(i), start[i], end[i]));
        return timings;
    }

    /**
     * For each word character, the index of the token character it corresponds to, or -1. Identical strings map
     * one to one; otherwise the common prefix and suffix map exactly and the differing middle proportionally.
     */
    static int[] mapCharacters(CharSequence words, CharSequence tokens) {
        int a = words.length();
        int b = tokens.length();
        int prefix = 0;
        while (prefix < a && prefix < b && words.charAt(prefix) == tokens.charAt(prefix)) prefix++;
        int suffix = 0;
        while (suffix < a - prefix && suffix < b - prefix && words.charAt(a - 1 - suffix) == tokens.charAt(b - 1 - suffix)) suffix++;
        int[] map = new int[a];
        int wordsMiddle = a - prefix - suffix;
        int tokensMiddle = b - prefix - suffix;
        for (int c = 0; c < a; c++) {
            if (c < prefix) {
                map[c] = c;
            } else if (c >= a - suffix) {
                map[c] = c + (b - a);
            } else {
                map[c] = tokensMiddle == 0 ? -1 : prefix + (int) ((long) (c - prefix) * tokensMiddle / wordsMiddle);
            }
        }
        return map;
    }

    /** Spreads each run of untimed words over the gap between its timed neighbours, in proportion to length. */
    private static void interpolateUntimed(List<String> words, double[] start, double[] end, double seconds) {
        int n = words.size();
        int i = 0;
        while (i < n) {
            if (!Double.isNaN(start[i])) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < n && Double.isNaN(start[runEnd])) runEnd++;
            double from = i == 0 ? 0 : end[i - 1];
            double to = runEnd == n ? seconds : start[runEnd];
            to = Math.max(to, from);
            double total = 0;
            for (int k = i; k < runEnd; k++) total += weight(words.get(k));
            double done = 0;
            for (int k = i; k < runEnd; k++) {
                start[k] = from + (to - from) * done / total;
                done += weight(words.get(k));
                end[k] = k == runEnd - 1 ? to : from + (to - from) * done / total;
            }
            i = runEnd;
        }
    }

    private static double weight(String word) {
        return Math.max(1, word.length());
    }

    private static double clamp(double time, double seconds) {
        return Math.min(Math.max(time, 0), seconds);
    }
}
