package dev.reelwright.core.spi;

import java.util.Objects;

/** Text to speak, with which voice, at what rate. */
public record SpeechRequest(String text, String voice, int wordsPerMinute) {
    public SpeechRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(voice, "voice");
        if (wordsPerMinute <= 0) throw new IllegalArgumentException("words per minute must be positive");
    }
}
