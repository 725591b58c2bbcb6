package dev.reelwright.providers.google.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code instances[0]} of a Veo {@code predictLongRunning} request: the prompt and the first frame. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VeoInstance(@JsonProperty("prompt") String prompt, @JsonProperty("image") VeoImage image) {}
