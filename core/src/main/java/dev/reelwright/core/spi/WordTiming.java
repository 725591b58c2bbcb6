package dev.reelwright.core.spi;

/** One word of the script as spoken: its written form and when it starts and ends, in seconds. */
public record WordTiming(String word, double start, double end) {
    public WordTiming {
        if (word == null || word.isBlank()) throw new IllegalArgumentException("a timed word needs text");
        if (start < 0 || end < start) throw new IllegalArgumentException("bad word timing " + start + ".." + end + " for '" + word + "'");
    }

    public WordTiming shifted(double seconds) {
        return new WordTiming(word, start + seconds, end + seconds);
    }
}
