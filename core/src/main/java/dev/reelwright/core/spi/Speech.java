package dev.reelwright.core.spi;

import java.util.List;

/**
 * Synthesised speech: a mono 16-bit PCM WAV file (name inside the step's folder), its length, and the
 * written words of the request in order with their timings, taken from the synthesiser itself.
 */
public record Speech(String file, int sampleRate, double seconds, List<WordTiming> words, Charge charge) {
    public Speech(String file, int sampleRate, double seconds, List<WordTiming> words) {
        this(file, sampleRate, seconds, words, Charge.FREE);
    }

    public Speech {
        words = List.copyOf(words);
        charge = charge == null ? Charge.FREE : charge;
        if (sampleRate <= 0 || seconds < 0) throw new IllegalArgumentException("bad speech audio");
    }
}
