package dev.reelwright.core.spi;

import java.nio.file.Path;
import java.util.List;

/** Text + voice -> audio with word timings (exact or estimated: {@link Speech#timingSource()} says which). */
public interface SpeechSynthesizer {
    /** A stable name; part of every cache key. */
    String id();

    /** The voices this synthesiser speaks, for help texts and for checking production.yaml. */
    List<String> voices();

    /** Writes the speech as an audio file FFmpeg decodes (WAV or MP3) into {@code folder} (an empty folder owned by this call). */
    Speech synthesize(SpeechRequest request, Path folder);
}
