package dev.reelwright.core.spi;

import dev.reelwright.core.model.Mood;
import java.util.Objects;

/** What an {@link ImageGenerator} is asked for: one still picture at the given size. */
public record KeyframeRequest(String prompt, Mood mood, long seed, int width, int height) {
    public KeyframeRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(mood, "mood");
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("keyframe size must be positive");
    }
}
