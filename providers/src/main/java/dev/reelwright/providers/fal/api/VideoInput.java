package dev.reelwright.providers.fal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Input of fal's Kling and Wan video endpoints; each endpoint takes a subset (see {@code FalEndpoint}), the rest
 * stay null and are left out. {@code duration} is a string ("5", "10") on every endpoint that takes it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoInput(
        @JsonProperty("prompt") String prompt,
        @JsonProperty("image_url") String imageUrl,
        @JsonProperty("start_image_url") String startImageUrl,
        @JsonProperty("duration") String duration,
        @JsonProperty("aspect_ratio") String aspectRatio,
        @JsonProperty("negative_prompt") String negativePrompt,
        @JsonProperty("num_frames") Integer numFrames,
        @JsonProperty("frames_per_second") Integer framesPerSecond,
        @JsonProperty("resolution") String resolution,
        @JsonProperty("seed") Long seed) {}
