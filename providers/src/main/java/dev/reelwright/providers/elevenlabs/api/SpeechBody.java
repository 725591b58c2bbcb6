package dev.reelwright.providers.elevenlabs.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** The JSON body of {@code POST /v1/text-to-speech/{voice_id}/with-timestamps}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpeechBody(
        @JsonProperty("text") String text,
        @JsonProperty("model_id") String modelId,
        @JsonProperty("voice_settings") VoiceSettings voiceSettings,
        @JsonProperty("seed") Long seed) {

    public SpeechBody {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(modelId, "modelId");
        if (seed != null && (seed < 0 || seed > 0xFFFF_FFFFL)) throw new IllegalArgumentException("seed must be 0..4294967295, got " + seed);
    }
}
