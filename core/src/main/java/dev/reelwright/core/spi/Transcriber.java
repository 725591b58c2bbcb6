package dev.reelwright.core.spi;

import java.nio.file.Path;
import java.util.List;

/** Audio -> timed words, for captions of audio Reelwright did not synthesise. */
public interface Transcriber {
    String id();

    Transcript transcribe(Path audio, String language);

    record Transcript(String text, double seconds, List<WordTiming> words, Charge charge) {
        public Transcript {
            words = List.copyOf(words);
            charge = charge == null ? Charge.FREE : charge;
        }
    }
}
