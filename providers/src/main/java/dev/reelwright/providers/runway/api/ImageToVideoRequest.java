package dev.reelwright.providers.runway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * {@code POST /v1/image_to_video} body (vendor-specs/runway.yaml {@code Gen4_5} / {@code Gen4Turbo}). Runway's
 * names are camelCase, so every field is named explicitly (core's mapper would otherwise write snake_case), and
 * absent options are left out: the derived schema is closed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"model", "promptImage", "promptText", "ratio", "duration", "seed"})
public record ImageToVideoRequest(
        @JsonProperty("model") String model,
        @JsonProperty("promptImage") String promptImage,
        @JsonProperty("promptText") String promptText,
        @JsonProperty("ratio") String ratio,
        @JsonProperty("duration") Integer duration,
        @JsonProperty("seed") Long seed) {

    public ImageToVideoRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(promptImage, "promptImage");
        Objects.requireNonNull(ratio, "ratio");
        if (promptText != null && promptText.length() > TextToVideoRequest.MAX_PROMPT) {
            throw new IllegalArgumentException("promptText is over " + TextToVideoRequest.MAX_PROMPT + " UTF-16 units");
        }
        if (seed != null && (seed < 0 || seed > TextToVideoRequest.MAX_SEED)) throw new IllegalArgumentException("seed out of range");
    }
}
