package dev.reelwright.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.spi.WordTiming;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordAlignmentTest {
    private static WordTiming w(String word, double start, double end) {
        return new WordTiming(word, start, end);
    }

    @Test
    void matchesIgnoringCasePunctuationAndAccents() {
        List<WordTiming> aligned = WordAlignment.align("Café, OPEN!", List.of(w("cafe", 0.1, 0.5), w("open", 0.6, 0.9)), 1.0);
        assertThat(aligned).containsExactly(w("Café,", 0.1, 0.5), w("OPEN!", 0.6, 0.9));
    }

    @Test
    void skipsWordsOnlyTheTranscriptHas() {
        List<WordTiming> aligned = WordAlignment.align("we sail at noon",
                List.of(w("we", 0, 0.2), w("um", 0.2, 0.4), w("sail", 0.4, 0.7), w("at", 0.7, 0.8), w("noon", 0.8, 1.2)), 1.5);
        assertThat(aligned).containsExactly(w("we", 0, 0.2), w("sail", 0.4, 0.7), w("at", 0.7, 0.8), w("noon", 0.8, 1.2));
    }

    @Test
    void joinsTwoHeardWordsIntoOneWrittenWord() {
        List<WordTiming> aligned = WordAlignment.align("a well-known port",
                List.of(w("a", 0, 0.1), w("well", 0.1, 0.3), w("known", 0.3, 0.6), w("port", 0.6, 1.0)), 1.0);
        assertThat(aligned.get(1)).isEqualTo(w("well-known", 0.1, 0.6));
        assertThat(aligned.get(2)).isEqualTo(w("port", 0.6, 1.0));
    }

    @Test
    void spreadsUnheardWordsOverTheGapBetweenTheirNeighbours() {
        List<WordTiming> aligned = WordAlignment.align("built in 1890 of stone",
                List.of(w("built", 0, 0.3), w("in", 0.3, 0.4), w("eighteen", 0.4, 0.8), w("ninety", 0.8, 1.2), w("of", 1.2, 1.3),
                        w("stone", 1.3, 1.8)), 2.0);
        assertThat(aligned).extracting(WordTiming::word).containsExactly("built", "in", "1890", "of", "stone");
        WordTiming year = aligned.get(2);
        assertThat(year.start()).isEqualTo(0.4);
        assertThat(year.end()).isLessThanOrEqualTo(1.2).isGreaterThan(0.4);
        assertThat(aligned.get(3)).isEqualTo(w("of", 1.2, 1.3));
    }

    @Test
    void withNothingHeardEveryWordIsEstimatedAcrossTheAudio() {
        List<WordTiming> aligned = WordAlignment.align("one two three", List.of(), 3.0);
        assertThat(aligned).extracting(WordTiming::word).containsExactly("one", "two", "three");
        assertThat(aligned.getFirst().start()).isZero();
        assertThat(aligned.getLast().end()).isLessThanOrEqualTo(3.0);
    }

    @Test
    void timingsStayInOrderAndInsideTheAudio() {
        List<WordTiming> aligned = WordAlignment.align("late words here",
                List.of(w("late", 0.5, 0.9), w("words", 0.8, 1.1), w("here", 1.1, 2.7)), 2.5);
        for (int i = 1; i < aligned.size(); i++) assertThat(aligned.get(i).start()).isGreaterThanOrEqualTo(aligned.get(i - 1).end());
        assertThat(aligned.getLast().end()).isEqualTo(2.5);
    }

    @Test
    void aTrailingUnheardWordFillsToTheEnd() {
        List<WordTiming> aligned = WordAlignment.align("goodbye everyone", List.of(w("goodbye", 0, 0.6)), 1.4);
        assertThat(aligned.get(1).start()).isEqualTo(0.6);
        assertThat(aligned.get(1).end()).isLessThanOrEqualTo(1.4).isGreaterThan(0.6);
    }
}
