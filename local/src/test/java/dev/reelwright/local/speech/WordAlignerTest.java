package dev.reelwright.local.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.reelwright.core.spi.WordTiming;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordAlignerTest {
    @Test
    void keysKeepLettersAndDigitsOnlyWithoutAccentsOrCase() {
        assertThat(WordAligner.key("\u201CLighthouse,\u201D")).isEqualTo("lighthouse");
        assertThat(WordAligner.key("1984.")).isEqualTo("1984");
        assertThat(WordAligner.key("Caf\u00E9")).isEqualTo("cafe");
        assertThat(WordAligner.key("\u2014")).isEmpty();
        assertThat(WordAligner.key(FreeTtsSpeechSynthesizer.speakable("na\u00EFve \u2014 don\u2019t\u2026")))
                .isEqualTo(WordAligner.key("na\u00EFve \u2014 don\u2019t\u2026"));
    }

    @Test
    void splitsWordsAtWhitespaceKeepingPunctuation() {
        assertThat(WordAligner.words("  Hello,\tworld...\n again ")).containsExactly("Hello,", "world...", "again");
        assertThat(WordAligner.words(" \n ")).isEmpty();
    }

    @Test
    void aWordGetsExactlyItsTokensSpan() {
        List<WordTiming> timings = WordAligner.align(
                List.of("Built", "in", "1984."),
                List.of(new SpokenToken("Built", 0.2, 0.5), new SpokenToken("in", 0.5, 0.6), new SpokenToken("1984", 0.6, 1.8)),
                2.0);

        assertThat(timings).extracting(WordTiming::word, WordTiming::start, WordTiming::end)
                .containsExactly(tuple("Built", 0.2, 0.5), tuple("in", 0.5, 0.6), tuple("1984.", 0.6, 1.8));
    }

    @Test
    void aWordSplitIntoSeveralTokensSpansThemAll() {
        List<WordTiming> timings = WordAligner.align(
                List.of("(well)-known", "fact"),
                List.of(new SpokenToken("well", 0.1, 0.3), new SpokenToken("known", 0.3, 0.7), new SpokenToken("fact", 0.8, 1.0)),
                1.2);

        assertThat(timings).extracting(WordTiming::start, WordTiming::end).containsExactly(tuple(0.1, 0.7), tuple(0.8, 1.0));
    }

    @Test
    void silentTokensAndWordsWithoutLettersAreSpreadOverTheGapAroundThem() {
        List<WordTiming> timings = WordAligner.align(
                List.of("Wait", "\u2014", "...", "go!"),
                List.of(new SpokenToken("Wait", 0.2, 0.6), SpokenToken.silent("\u2014"), SpokenToken.silent(""),
                        new SpokenToken("go", 1.0, 1.3)),
                1.5);

        assertThat(timings).extracting(WordTiming::word).containsExactly("Wait", "\u2014", "...", "go!");
        assertThat(timings.get(1).start()).isEqualTo(0.6);
        assertThat(timings.get(1).end()).isEqualTo(timings.get(2).start()).isBetween(0.6, 1.0);
        assertThat(timings.get(2).end()).isEqualTo(1.0);
    }

    @Test
    void leadingAndTrailingUntimedWordsUseTheStartAndEndOfTheAudio() {
        List<WordTiming> timings = WordAligner.align(
                List.of("--", "Hi", "--"), List.of(new SpokenToken("Hi", 0.3, 0.5)), 0.9);

        assertThat(timings).extracting(WordTiming::start, WordTiming::end)
                .containsExactly(tuple(0.0, 0.3), tuple(0.3, 0.5), tuple(0.5, 0.9));
    }

    @Test
    void aMismatchStaysLocalAndTheResultStaysOrderedAndInside() {
        // The synthesiser dropped "x" and read "two" as "2": the words around still get their own spans.
        List<WordTiming> timings = WordAligner.align(
                List.of("one", "x", "two", "three", "four"),
                List.of(new SpokenToken("one", 0.1, 0.4), new SpokenToken("2", 0.5, 0.8), new SpokenToken("three", 0.9, 1.2),
                        new SpokenToken("four", 1.3, 1.6)),
                1.7);

        assertThat(timings.get(0)).isEqualTo(new WordTiming("one", 0.1, 0.4));
        assertThat(timings.get(3)).isEqualTo(new WordTiming("three", 0.9, 1.2));
        assertThat(timings.get(4)).isEqualTo(new WordTiming("four", 1.3, 1.6));
        assertOrderedWithin(timings, 1.7);
    }

    @Test
    void overlappingOrOutOfRangeTokenTimesAreClampedIntoOrder() {
        List<WordTiming> timings = WordAligner.align(
                List.of("a", "b", "c"),
                List.of(new SpokenToken("a", 0.2, 0.9), new SpokenToken("b", 0.5, 0.8), new SpokenToken("c", 1.0, 3.0)),
                2.0);

        assertOrderedWithin(timings, 2.0);
        assertThat(timings.get(2).end()).isEqualTo(2.0);
    }

    @Test
    void noTokensAtAllStillTimesEveryWord() {
        List<WordTiming> timings = WordAligner.align(List.of("one", "two"), List.of(), 1.0);

        assertThat(timings).extracting(WordTiming::word).containsExactly("one", "two");
        assertOrderedWithin(timings, 1.0);
        assertThat(timings.get(0).end()).isEqualTo(0.5);
    }

    private static void assertOrderedWithin(List<WordTiming> timings, double seconds) {
        double previousEnd = 0;
        for (WordTiming timing : timings) {
            assertThat(timing.start()).as("%s", timing).isGreaterThanOrEqualTo(previousEnd);
            assertThat(timing.end()).as("%s", timing).isLessThanOrEqualTo(seconds);
            previousEnd = timing.end();
        }
    }
}
