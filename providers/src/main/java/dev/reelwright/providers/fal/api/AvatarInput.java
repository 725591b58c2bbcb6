package dev.reelwright.providers.fal.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kling AI Avatar input ({@code fal-ai/kling-video/ai-avatar/v2/*}, {@code …/v1/standard/ai-avatar}, {@code …/v1/pro/ai-avatar}). */
public record AvatarInput(
        @JsonProperty("image_url") String imageUrl,
        @JsonProperty("audio_url") String audioUrl,
        @JsonProperty("prompt") String prompt) {}
