package dev.reelwright.providers.openai.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Speech ({@code POST /audio/speech}) and transcription ({@code POST /audio/transcriptions}, verbose_json). */
public final class AudioApi {
    private AudioApi() {}

    /** JSON body of a speech request; the answer is the raw audio bytes in {@code response_format}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Speech(String model, String input, String voice, String responseFormat, Double speed) {}

    /** A verbose_json transcription; {@code words} only when word timestamps were asked for. */
    public record Transcription(String language, Double duration, String text, List<Word> words, Usage usage) {
        public Transcription {
            words = words == null ? List.of() : List.copyOf(words);
        }
    }

    public record Word(String word, double start, double end) {}

    /** {@code {"type":"duration","seconds"}}: the billed length. */
    public record Usage(String type, Double seconds) {}
}
