package dev.reelwright.providers.google.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code parameters} of a Veo request. Null fields are left out of the JSON, which is how the Gemini API route
 * avoids the fields its SDK refuses there ({@code seed}, {@code generateAudio}, {@code storageUri}): it leaves them null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VeoParameters(
        @JsonProperty("sampleCount") Integer sampleCount,
        @JsonProperty("durationSeconds") Integer durationSeconds,
        @JsonProperty("aspectRatio") String aspectRatio,
        @JsonProperty("resolution") String resolution,
        @JsonProperty("seed") Long seed,
        @JsonProperty("generateAudio") Boolean generateAudio,
        @JsonProperty("negativePrompt") String negativePrompt,
        @JsonProperty("personGeneration") String personGeneration,
        @JsonProperty("storageUri") String storageUri) {

    public VeoParameters {
        if (seed != null && (seed < 0 || seed > 0xFFFF_FFFFL)) throw new IllegalArgumentException("seed must be a uint32, got " + seed);
    }
}
