package dev.reelwright.core.pipeline;

import dev.reelwright.core.quality.QualityInspector;
import dev.reelwright.core.spi.ImageGenerator;
import dev.reelwright.core.spi.ScenePlanner;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.core.spi.VideoAssembler;
import dev.reelwright.core.spi.VideoGenerator;
import java.util.Objects;

/**
 * The implementations a production runs with, one per seam, and the quality filter generated clips go through.
 * With {@code clipModels} each shot's clip model is routed (and {@code videos} is unused); without, every shot uses
 * {@code videos}. {@code prices} says what keyframe and speech calls cost, for the budget.
 */
public record Providers(
        ScenePlanner planner, ImageGenerator images, VideoGenerator videos, SpeechSynthesizer speech, VideoAssembler assembler,
        QualityInspector inspector, ClipModels clipModels, Prices prices) {
    public Providers {
        Objects.requireNonNull(inspector, "inspector");
        prices = prices == null ? Prices.FREE : prices;
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(videos, "videos");
        Objects.requireNonNull(speech, "speech");
        Objects.requireNonNull(assembler, "assembler");
    }

    /** One generator for every shot, everything free (the embedded stack, tests). */
    public Providers(ScenePlanner planner, ImageGenerator images, VideoGenerator videos, SpeechSynthesizer speech, VideoAssembler assembler,
            QualityInspector inspector) {
        this(planner, images, videos, speech, assembler, inspector, null, Prices.FREE);
    }
}
