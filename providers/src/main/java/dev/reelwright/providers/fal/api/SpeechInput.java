package dev.reelwright.providers.fal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * MiniMax text-to-speech input on fal. The text goes in {@code prompt} (speech-2.6 and later) or {@code text}
 * (speech-02 and preview/speech-2.5, per vendor-specs/fal.json); exactly one of the two is set.
 * {@code output_format} must be {@code url}: fal's default is {@code hex}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpeechInput(
        @JsonProperty("prompt") String prompt,
        @JsonProperty("text") String text,
        @JsonProperty("voice_setting") VoiceSetting voiceSetting,
        @JsonProperty("audio_setting") AudioSetting audioSetting,
        @JsonProperty("output_format") String outputFormat) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VoiceSetting(@JsonProperty("voice_id") String voiceId, @JsonProperty("speed") Double speed) {}

    public record AudioSetting(
            @JsonProperty("format") String format,
            @JsonProperty("sample_rate") int sampleRate,
            @JsonProperty("channel") int channel) {}
}
