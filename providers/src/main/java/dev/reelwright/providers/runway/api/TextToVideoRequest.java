package dev.reelwright.providers.runway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** {@code POST /v1/text_to_video} body (PROVIDERS.md §4: gen4.5 takes promptText, ratio, duration, seed). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"model", "promptText", "ratio", "duration", "seed"})
public record TextToVideoRequest(
        @JsonProperty("model") String model,
        @JsonProperty("promptText") String promptText,
        @JsonProperty("ratio") String ratio,
        @JsonProperty("duration") Integer duration,
        @JsonProperty("seed") Long seed) {

    /** promptText limit, in UTF-16 code units (what {@link String#length()} counts). */
    public static final int MAX_PROMPT = 1000;
    public static final long MAX_SEED = 4_294_967_295L;

    public TextToVideoRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(ratio, "ratio");
        if (promptText == null || promptText.isBlank()) throw new IllegalArgumentException("text-to-video needs a prompt");
        if (promptText.length() > MAX_PROMPT) throw new IllegalArgumentException("promptText is over " + MAX_PROMPT + " UTF-16 units");
        if (seed != null && (seed < 0 || seed > MAX_SEED)) throw new IllegalArgumentException("seed out of range");
    }
}
