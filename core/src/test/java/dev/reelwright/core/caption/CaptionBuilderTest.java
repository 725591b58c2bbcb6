package dev.reelwright.core.caption;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.core.timeline.CaptionCue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionBuilderTest {
    private static List<WordTiming> words(String text, double start, double perWord) {
        List<WordTiming> words = new ArrayList<>();
        double t = start;
        for (String word : text.split(" ")) {
            words.add(new WordTiming(word, t, t + perWord * 0.8));
            t += perWord;
        }
        return words;
    }

    @Test
    void cuesKeepEveryWordInOrderWithinTwoLinesOf42Characters() {
        String text = "Every morning, before the sun, Ada climbs one hundred steps to polish the great lamp until it shines "
                + "like a second moon over the restless grey water of the bay";
        List<CaptionCue> cues = CaptionBuilder.build(words(text, 1.0, 0.35), 60);
        assertThat(cues.stream().flatMap(c -> c.words().stream()).map(WordTiming::word).toList())
                .containsExactly(text.split(" "));
        for (CaptionCue cue : cues) {
            assertThat(cue.lines()).hasSizeBetween(1, 2);
            assertThat(cue.textLines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(42));
        }
        for (int i = 1; i < cues.size(); i++) assertThat(cues.get(i).start()).isGreaterThanOrEqualTo(cues.get(i - 1).end());
    }

    @Test
    void sentencesStartNewCaptionsAndCuesStayInsideTheScene() {
        List<CaptionCue> cues = CaptionBuilder.build(words("It rains. The sea roars.", 0.4, 0.4), 2.2);
        assertThat(cues).extracting(c -> String.join("|", c.textLines())).containsExactly("It rains.", "The sea roars.");
        assertThat(cues.getLast().end()).isLessThanOrEqualTo(2.2);
    }

    @Test
    void srtAndVttFormatsAreExact() {
        List<CaptionCue> cues = CaptionBuilder.build(words("Hello there.", 1.5, 0.5), 10);
        assertThat(SubtitleWriter.srt(cues)).isEqualTo("1\n00:00:01,500 --> 00:00:02,800\nHello there.\n\n");
        assertThat(SubtitleWriter.vtt(cues)).isEqualTo("WEBVTT\n\n00:00:01.500 --> 00:00:02.800\nHello there.\n\n");
        assertThat(SubtitleWriter.time(3723.004, ',')).isEqualTo("01:02:03,004");
    }
}
