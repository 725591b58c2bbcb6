package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What the router optimises when it picks a model per shot (production.yaml {@code policy}): {@code quality} takes
 * the best tier it can, {@code cost} the cheapest model that meets the shot's needs, {@code balanced} (the default)
 * weighs both.
 */
public enum RoutingPolicy {
    QUALITY,
    BALANCED,
    COST;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RoutingPolicy parse(String text) {
        for (RoutingPolicy policy : values()) {
            if (policy.label().equalsIgnoreCase(text == null ? "" : text.strip())) return policy;
        }
        throw new IllegalArgumentException("policy '" + text + "' is not one of quality, balanced, cost");
    }
}
