package dev.reelwright.core.spi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * Synthesised speech: an audio file (name inside the step's folder) that FFmpeg decodes (a mono 16-bit PCM WAV from
 * the embedded synthesiser, ElevenLabs and OpenAI; MP3 from MiniMax on fal), its sample rate and length, the written
 * words of the request in order with their timings, what it cost, and where those timings came from: only
 * {@link TimingSource#SYNTHESIZER} and {@link TimingSource#VENDOR_ALIGNMENT} are the speaker's own.
 *
 * <p>A cached step stored before {@code timing_source} existed reads back as {@link TimingSource#UNKNOWN}.
 */
public record Speech(String file, int sampleRate, double seconds, List<WordTiming> words, Charge charge, TimingSource timingSource) {
    /** Where a {@link Speech}'s word timings came from. */
    public enum TimingSource {
        /** The synthesiser's own timings of what it rendered (the embedded FreeTTS). */
        SYNTHESIZER,
        /** The vendor's alignment of the text it spoke (ElevenLabs' character timestamps). */
        VENDOR_ALIGNMENT,
        /** A transcriber listened to the audio, and the words it heard were matched to the written ones. */
        TRANSCRIBED,
        /** Spread over the audio by word length and punctuation: good enough to pace captions, no more. */
        ESTIMATED,
        /** Not recorded (a cached step written before the source was). */
        UNKNOWN;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static TimingSource parse(String text) {
            return text == null ? UNKNOWN : valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** Free speech timed by the synthesiser itself, as the embedded one makes it. */
    public Speech(String file, int sampleRate, double seconds, List<WordTiming> words) {
        this(file, sampleRate, seconds, words, Charge.FREE, TimingSource.SYNTHESIZER);
    }

    public Speech {
        words = List.copyOf(words);
        charge = charge == null ? Charge.FREE : charge;
        timingSource = timingSource == null ? TimingSource.UNKNOWN : timingSource;
        if (sampleRate <= 0 || seconds < 0) throw new IllegalArgumentException("bad speech audio");
    }
}
