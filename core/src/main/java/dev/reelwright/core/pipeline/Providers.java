package dev.reelwright.core.pipeline;

import dev.reelwright.core.quality.QualityInspector;
import dev.reelwright.core.spi.ImageGenerator;
import dev.reelwright.core.spi.ScenePlanner;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.core.spi.VideoAssembler;
import dev.reelwright.core.spi.VideoGenerator;
import java.util.Objects;

/** The implementations a production runs with, one per seam, and the quality filter generated clips go through. */
public record Providers(
        ScenePlanner planner, ImageGenerator images, VideoGenerator videos, SpeechSynthesizer speech, VideoAssembler assembler,
        QualityInspector inspector) {
    public Providers {
        Objects.requireNonNull(inspector, "inspector");
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(videos, "videos");
        Objects.requireNonNull(speech, "speech");
        Objects.requireNonNull(assembler, "assembler");
    }
}
