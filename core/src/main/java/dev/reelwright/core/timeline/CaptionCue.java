package dev.reelwright.core.timeline;

import dev.reelwright.core.spi.WordTiming;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One caption on screen: at most two lines of timed words, shown from {@code start} to {@code end} seconds
 * on the video's clock.
 */
public record CaptionCue(double start, double end, List<List<WordTiming>> lines) {
    public CaptionCue {
        lines = lines.stream().map(List::copyOf).toList();
        if (lines.isEmpty() || lines.size() > 2) throw new IllegalArgumentException("a caption has one or two lines");
        if (end <= start) throw new IllegalArgumentException("a caption must end after it starts");
    }

    public List<String> textLines() {
        return lines.stream().map(line -> line.stream().map(WordTiming::word).collect(Collectors.joining(" "))).toList();
    }

    public List<WordTiming> words() {
        return lines.stream().flatMap(List::stream).toList();
    }
}
