package dev.reelwright.providers.fal.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Flux's custom {@code image_size}: {@code {"width","height"}} (each 1..14142). */
public record ImageSize(@JsonProperty("width") int width, @JsonProperty("height") int height) {}
