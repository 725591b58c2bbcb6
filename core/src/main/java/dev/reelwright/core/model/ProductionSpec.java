package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.QualityThresholds;
import java.nio.file.Path;

/**
 * production.yaml: every key optional, unknown keys an error. Defaults are applied here, so the rest of
 * the pipeline never sees a null. {@code music} is resolved against the spec file's folder by the loader.
 * {@code models} picks a catalog model per seam (default: the embedded ones); {@code providers} sets a vendor's
 * base URL and key variable. {@code policy} and {@code vendors} steer the router; {@code candidate_strategy},
 * {@code candidates_per_shot} and {@code candidates_in_parallel} say how many clips a shot may pay for;
 * {@code quality_thresholds} sets the quality filter's lowest acceptable score per artifact; {@code catalog} names the
 * user's own model catalog file, laid over the bundled one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductionSpec(
        String title,
        Aspect aspect,
        Resolution resolution,
        Integer fps,
        String voice,
        Integer wordsPerMinute,
        Path music,
        Double musicVolumeDb,
        Toggle captions,
        CaptionStyle captionStyle,
        Brand brand,
        Double budget,
        Integer candidatesPerShot,
        Long seed,
        Double minSceneSeconds,
        Double maxSceneSeconds,
        ModelChoice models,
        java.util.Map<String, ProviderSettings> providers,
        RoutingPolicy policy,
        VendorRules vendors,
        CandidateStrategy candidateStrategy,
        Integer candidatesInParallel,
        java.util.Map<Artifact, Double> qualityThresholds,
        Path catalog) {

    public static final ProductionSpec DEFAULTS = new ProductionSpec(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null);

    public ProductionSpec {
        aspect = aspect == null ? Aspect.LANDSCAPE : aspect;
        resolution = resolution == null ? Resolution.P1080 : resolution;
        fps = fps == null ? 30 : fps;
        if (fps != 24 && fps != 25 && fps != 30 && fps != 50 && fps != 60) {
            throw new IllegalArgumentException("fps must be one of 24, 25, 30, 50, 60, got " + fps);
        }
        voice = voice == null || voice.isBlank() ? "kevin16" : voice.strip();
        wordsPerMinute = wordsPerMinute == null ? 150 : wordsPerMinute;
        if (wordsPerMinute < 60 || wordsPerMinute > 300) {
            throw new IllegalArgumentException("words_per_minute must be 60..300, got " + wordsPerMinute);
        }
        musicVolumeDb = musicVolumeDb == null ? -20.0 : musicVolumeDb;
        if (musicVolumeDb > 0 || musicVolumeDb < -60) throw new IllegalArgumentException("music_volume_db must be -60..0, got " + musicVolumeDb);
        captions = captions == null ? Toggle.ON : captions;
        captionStyle = captionStyle == null ? CaptionStyle.HIGHLIGHT : captionStyle;
        brand = brand == null ? Brand.DEFAULT : brand;
        if (budget != null && budget < 0) throw new IllegalArgumentException("budget must not be negative, got " + budget);
        candidateStrategy = candidateStrategy == null ? CandidateStrategy.ADAPTIVE : candidateStrategy;
        candidatesPerShot = candidatesPerShot == null ? defaultCandidates(candidateStrategy) : candidatesPerShot;
        if (candidatesPerShot < 1 || candidatesPerShot > 8) {
            throw new IllegalArgumentException("candidates_per_shot must be 1..8, got " + candidatesPerShot);
        }
        candidatesInParallel = candidatesInParallel == null ? 1 : candidatesInParallel;
        if (candidatesInParallel < 1 || candidatesInParallel > candidatesPerShot) {
            throw new IllegalArgumentException("candidates_in_parallel must be 1..candidates_per_shot (" + candidatesPerShot + "), got " + candidatesInParallel);
        }
        policy = policy == null ? RoutingPolicy.BALANCED : policy;
        vendors = vendors == null ? VendorRules.ANY : vendors;
        qualityThresholds = new QualityThresholds(qualityThresholds).thresholds(); // validates 0..1, fills defaults
        seed = seed == null ? 7L : seed;
        minSceneSeconds = minSceneSeconds == null ? 3.0 : minSceneSeconds;
        maxSceneSeconds = maxSceneSeconds == null ? 12.0 : maxSceneSeconds;
        if (minSceneSeconds < 1 || maxSceneSeconds > 120 || minSceneSeconds > maxSceneSeconds) {
            throw new IllegalArgumentException("scene seconds need 1 <= min_scene_seconds <= max_scene_seconds <= 120");
        }
        models = models == null ? ModelChoice.LOCAL : models;
        providers = providers == null ? java.util.Map.of() : java.util.Map.copyOf(providers);
    }

    /** Fixed candidates: three clips per shot, the reference design's 2-3. */
    public static final int DEFAULT_CANDIDATES = 3;
    /**
     * Adaptive candidates: up to six. A further take is paid for only while every earlier one was rejected, so a
     * higher cap costs little (at 35% rejected, 6 instead of 3 adds about 4% to the clips paid) and leaves a shot
     * rejected 0.2% of the time instead of 4%: every shot of a 12-shot video accepted in 98% of productions, not 60%.
     */
    public static final int DEFAULT_ADAPTIVE_CANDIDATES = 6;

    /** The most clips a shot may pay for when production.yaml does not say. */
    public static int defaultCandidates(CandidateStrategy strategy) {
        return strategy == CandidateStrategy.FIXED ? DEFAULT_CANDIDATES : DEFAULT_ADAPTIVE_CANDIDATES;
    }

    public VideoFormat format() {
        return aspect.format(resolution, fps);
    }

    /** The quality filter's thresholds: the defaults, with production.yaml {@code quality_thresholds} laid over them. */
    public QualityThresholds thresholds() {
        return new QualityThresholds(qualityThresholds);
    }

    public ProductionSpec withAspect(Aspect newAspect) {
        return new ProductionSpec(title, newAspect, resolution, fps, voice, wordsPerMinute, music, musicVolumeDb, captions,
                captionStyle, brand, budget, candidatesPerShot, seed, minSceneSeconds, maxSceneSeconds, models, providers, policy, vendors,
                candidateStrategy, candidatesInParallel, qualityThresholds, catalog);
    }

    public ProductionSpec withResolution(Resolution newResolution) {
        return new ProductionSpec(title, aspect, newResolution, fps, voice, wordsPerMinute, music, musicVolumeDb, captions,
                captionStyle, brand, budget, candidatesPerShot, seed, minSceneSeconds, maxSceneSeconds, models, providers, policy, vendors,
                candidateStrategy, candidatesInParallel, qualityThresholds, catalog);
    }

    public ProductionSpec withCatalog(Path resolvedCatalog) {
        return new ProductionSpec(title, aspect, resolution, fps, voice, wordsPerMinute, music, musicVolumeDb, captions,
                captionStyle, brand, budget, candidatesPerShot, seed, minSceneSeconds, maxSceneSeconds, models, providers, policy, vendors,
                candidateStrategy, candidatesInParallel, qualityThresholds, resolvedCatalog);
    }

    public ProductionSpec withMusic(Path resolvedMusic) {
        return new ProductionSpec(title, aspect, resolution, fps, voice, wordsPerMinute, resolvedMusic, musicVolumeDb, captions,
                captionStyle, brand, budget, candidatesPerShot, seed, minSceneSeconds, maxSceneSeconds, models, providers, policy, vendors,
                candidateStrategy, candidatesInParallel, qualityThresholds, catalog);
    }
}
