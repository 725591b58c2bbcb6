package dev.reelwright.providers.fal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Flux text-to-image input (fal-ai/flux/dev, fal-ai/flux-pro/v1.1, ...): {@code image_size} for most endpoints,
 * {@code aspect_ratio} for v1.1-ultra and the Kontext text-to-image endpoints. Nulls are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageInput(
        @JsonProperty("prompt") String prompt,
        @JsonProperty("image_size") ImageSize imageSize,
        @JsonProperty("aspect_ratio") String aspectRatio,
        @JsonProperty("seed") Long seed,
        @JsonProperty("num_images") Integer numImages,
        @JsonProperty("output_format") String outputFormat) {}
