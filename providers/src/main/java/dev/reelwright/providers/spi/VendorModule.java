package dev.reelwright.providers.spi;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.spi.ImageGenerator;
import dev.reelwright.core.spi.LipSyncer;
import dev.reelwright.core.spi.ScenePlanner;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.core.spi.Transcriber;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.core.spi.VoiceCloner;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One vendor package's front door: which seams it serves for a catalog model, how it is configured, and a cheap
 * authenticated check. Each {@code providers/<vendor>} package has exactly one implementation, listed in
 * {@link Vendors}.
 */
public interface VendorModule {
    /** The catalog's vendor name, e.g. {@code fal}. */
    String vendor();

    /** A line for {@code reelwright providers}: what the vendor is. */
    String description();

    /** The environment variable that usually holds the key (null when the vendor needs none, e.g. a local ComfyUI). */
    String keyVariable();

    /** The documented default base URL. */
    String defaultBaseUrl();

    default URI baseUrl(VendorContext context) {
        return context.baseUrl(vendor(), defaultBaseUrl());
    }

    /** Whether a run could use this vendor now: its key is present (or it needs none). */
    default boolean configured(VendorContext context) {
        return keyVariable() == null ? context.env(vendor().toUpperCase() + "_BASE_URL").isPresent()
                || context.settings(vendor()).baseUrl() != null : context.key(vendor(), keyVariable()).isPresent();
    }

    /** Whether {@code model} is this vendor's catalog entry of that kind ("video", "speech", ...): each seam serves only those. */
    default boolean serves(ModelEntry model, String kind) {
        return model.vendor().equals(vendor()) && model.kind().equals(kind);
    }

    default Optional<ImageGenerator> images(ModelEntry model, VendorContext context) {
        return Optional.empty();
    }

    default Optional<VideoGenerator> videos(ModelEntry model, VendorContext context) {
        return Optional.empty();
    }

    default Optional<SpeechSynthesizer> speech(ModelEntry model, VendorContext context) {
        return Optional.empty();
    }

    default Optional<ScenePlanner> planner(ModelEntry model, VendorContext context) {
        return Optional.empty();
    }

    default Optional<LipSyncer> lipSync(ModelEntry model, VendorContext context) {
        return Optional.empty();
    }

    default Optional<Transcriber> transcriber(ModelEntry model, VendorContext context) {
        return Optional.empty();
    }

    default Optional<VoiceCloner> voiceCloner(ModelEntry model, VendorContext context) {
        return Optional.empty();
    }

    /**
     * One cheap authenticated call (list models, account info, queue state) proving key and base URL work.
     * Returns a short description of what answered; throws {@link dev.reelwright.core.error.VendorException}.
     */
    String check(VendorContext context);

    /** Seams this module can serve, for listings. */
    List<String> seams();
}
