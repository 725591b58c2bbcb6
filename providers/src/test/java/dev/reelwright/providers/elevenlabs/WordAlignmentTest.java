package dev.reelwright.providers.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.providers.elevenlabs.api.AudioWithTimestamps.Alignment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordAlignmentTest {
    static Alignment alignment(String spoken) {
        List<String> chars = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        List<Double> ends = new ArrayList<>();
        int i = 0;
        for (int cp : spoken.codePoints().toArray()) {
            chars.add(new String(Character.toChars(cp)));
            starts.add(i * 0.1);
            ends.add(i * 0.1 + 0.1);
            i++;
        }
        return new Alignment(chars, starts, ends);
    }

    @Test
    void wordsKeepTheirPunctuationAndFollowTheCharacters() {
        List<WordTiming> words = WordAlignment.words("Well, \"yes\"\n— why?", alignment("Well, \"yes\"\n— why?"), 5);
        assertThat(words).extracting(WordTiming::word).containsExactly("Well,", "\"yes\"", "—", "why?");
        assertThat(words.get(1).start()).isEqualTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(words.get(1).end()).isEqualTo(1.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void differentCharactersWithTheSameWordCountPairByPosition() {
        List<WordTiming> words = WordAlignment.words("It costs 3 dollars", alignment("It costs three dollars"), 5);
        assertThat(words).extracting(WordTiming::word).containsExactly("It", "costs", "3", "dollars");
        assertThat(words.get(2).start()).isEqualTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(words.get(2).end()).isEqualTo(1.4, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void noUsableAlignmentFallsBackToAnEstimateOverTheAudio() {
        List<WordTiming> words = WordAlignment.words("One two three.", null, 3);
        assertThat(words).extracting(WordTiming::word).containsExactly("One", "two", "three.");
        assertThat(words.getLast().end()).isLessThanOrEqualTo(3);
        List<WordTiming> mismatched = WordAlignment.words("One two three.", alignment("Completely different"), 3);
        assertThat(mismatched).extracting(WordTiming::word).containsExactly("One", "two", "three.");
    }

    @Test
    void timingsNeverRunBackwardsOrPastTheAudio() {
        Alignment overlapping = new Alignment(List.of("a", " ", "b"), List.of(0.0, 0.5, 0.2), List.of(0.6, 0.6, 2.5));
        List<WordTiming> words = WordAlignment.words("a b", overlapping, 2.0);
        assertThat(words.get(1).start()).isGreaterThanOrEqualTo(words.get(0).end());
        assertThat(words.get(1).end()).isEqualTo(2.0);
        assertThat(WordAlignment.words("   ", overlapping, 2.0)).isEmpty();
    }
}
