package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which catalog model serves each seam (production.yaml {@code models:}); absent means the embedded local one.
 * Ids are catalog ids such as {@code fal/kling-v2.1-pro-i2v}; {@code reelwright providers} lists them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelChoice(String planner, String keyframes, String clips, String speech, String lipSync, String transcription) {
    public static final ModelChoice LOCAL = new ModelChoice(null, null, null, null, null, null);
}
