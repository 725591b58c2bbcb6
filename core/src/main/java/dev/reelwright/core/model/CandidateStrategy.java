package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How many clips a shot pays for (production.yaml {@code candidate_strategy}). {@code adaptive} (the default)
 * generates {@code candidates_in_parallel} clips, inspects them, and generates more only while none is accepted,
 * up to {@code candidates_per_shot}; {@code fixed} always generates {@code candidates_per_shot} and keeps the best.
 */
public enum CandidateStrategy {
    ADAPTIVE,
    FIXED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CandidateStrategy parse(String text) {
        for (CandidateStrategy strategy : values()) {
            if (strategy.label().equalsIgnoreCase(text == null ? "" : text.strip())) return strategy;
        }
        throw new IllegalArgumentException("candidate_strategy '" + text + "' is not one of adaptive, fixed");
    }
}
