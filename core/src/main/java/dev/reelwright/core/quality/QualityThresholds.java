package dev.reelwright.core.quality;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lowest acceptable score for each artifact: a clip is rejected when any score falls below its threshold.
 * The inspector's scores are calibrated so that 0.5 is the point where the evidence is as strong as the tuned
 * decision level (see {@code QualityBench}), so the defaults are 0.5 everywhere; raise a threshold to be stricter.
 */
public record QualityThresholds(Map<Artifact, Double> thresholds) {
    public static final double DEFAULT = 0.5;

    public QualityThresholds {
        EnumMap<Artifact, Double> all = new EnumMap<>(Artifact.class);
        for (Artifact artifact : Artifact.values()) all.put(artifact, DEFAULT);
        if (thresholds != null) {
            thresholds.forEach((artifact, value) -> {
                if (value == null || !(value >= 0 && value <= 1)) {
                    throw new IllegalArgumentException("threshold for " + artifact.label() + " must be within 0..1, got " + value);
                }
                all.put(artifact, value);
            });
        }
        thresholds = Collections.unmodifiableMap(all);
    }

    public static QualityThresholds defaults() {
        return new QualityThresholds(Map.of());
    }

    public double threshold(Artifact artifact) {
        return thresholds.get(artifact);
    }

    public QualityThresholds with(Artifact artifact, double threshold) {
        EnumMap<Artifact, Double> changed = new EnumMap<>(thresholds);
        changed.put(artifact, threshold);
        return new QualityThresholds(changed);
    }

    /** The artifact furthest below its threshold, if any is below. */
    public Optional<Artifact> failing(Map<Artifact, Double> scores) {
        Artifact worst = null;
        double worstMargin = 0;
        for (Artifact artifact : Artifact.values()) {
            Double score = scores.get(artifact);
            if (score == null) continue;
            double margin = threshold(artifact) - score;
            if (margin > 0 && (worst == null || margin > worstMargin)) {
                worst = artifact;
                worstMargin = margin;
            }
        }
        return Optional.ofNullable(worst);
    }

    /** Every artifact below its threshold. */
    public java.util.Set<Artifact> below(Map<Artifact, Double> scores) {
        java.util.Set<Artifact> below = java.util.EnumSet.noneOf(Artifact.class);
        scores.forEach((artifact, score) -> {
            if (score != null && score < threshold(artifact)) below.add(artifact);
        });
        return below;
    }

    public Verdict verdict(Map<Artifact, Double> scores) {
        return failing(scores).isPresent() ? Verdict.REJECT : Verdict.ACCEPT;
    }

    /**
     * Reads overrides from a JSON or YAML file (by extension) such as {@code {"flicker": 0.6, "text_corruption": 0.4}};
     * artifacts not named keep the default.
     */
    public static QualityThresholds read(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        Map<String, Double> raw;
        try {
            String text = Files.readString(file);
            if (text.isBlank()) throw InputException.in(file, "the file is empty");
            raw = (yaml ? Json.yaml() : Json.json()).readValue(text, new TypeReference<Map<String, Double>>() {});
        } catch (NoSuchFileException e) {
            throw InputException.in(file, "no such file");
        } catch (IOException e) {
            String message = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("unreadable");
            throw InputException.in(file, "not a map of artifact to threshold: " + message);
        }
        if (raw == null) throw InputException.in(file, "the file holds no thresholds");
        EnumMap<Artifact, Double> parsed = new EnumMap<>(Artifact.class);
        raw.forEach((key, value) -> {
            Artifact artifact;
            try {
                artifact = Artifact.parse(key);
            } catch (IllegalArgumentException e) {
                throw InputException.in(file, e.getMessage());
            }
            if (value == null || !(value >= 0 && value <= 1)) {
                throw InputException.in(file, "threshold for " + artifact.label() + " must be within 0..1, got " + value);
            }
            parsed.put(artifact, value);
        });
        return new QualityThresholds(parsed);
    }
}
