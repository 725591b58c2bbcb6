package dev.reelwright.core.routing;

import dev.reelwright.core.catalog.ModelEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The router's answer for one shot: the model to use, the ones to fall back to in order, and why, one line each.
 *
 * @param needs     what the shot asked for
 * @param choice    the model to try first
 * @param fallbacks the models to try next when a vendor fails or is unavailable, best first
 */
public record Route(ShotNeeds needs, Choice choice, List<Choice> fallbacks) {
    /**
     * One model for the shot.
     *
     * @param clipSeconds     the billed length of each clip the shot is chained from (one entry: no stitch)
     * @param usdPerCandidate what one candidate of the whole shot costs, every chained clip included; the amount a
     *                        candidate reserves against the budget, and the estimate's unit price
     * @param reason          one line: "lip sync needed -> fal/kling-avatar-v2-pro"
     */
    public record Choice(ModelEntry model, List<Double> clipSeconds, double usdPerCandidate, String reason) {
        public Choice {
            Objects.requireNonNull(model, "model");
            clipSeconds = List.copyOf(clipSeconds);
            if (clipSeconds.isEmpty()) throw new IllegalArgumentException("a choice needs at least one clip");
        }

        public int clips() {
            return clipSeconds.size();
        }

        public int stitches() {
            return clipSeconds.size() - 1;
        }

        Choice because(String newReason) {
            return new Choice(model, clipSeconds, usdPerCandidate, newReason);
        }
    }

    public Route {
        Objects.requireNonNull(needs, "needs");
        Objects.requireNonNull(choice, "choice");
        fallbacks = List.copyOf(fallbacks);
    }

    public ModelEntry model() {
        return choice.model();
    }

    public String reason() {
        return choice.reason();
    }

    public int clips() {
        return choice.clips();
    }

    public int stitches() {
        return choice.stitches();
    }

    public double usdPerCandidate() {
        return choice.usdPerCandidate();
    }

    /** The choice's reason, then each fallback's. */
    public List<String> reasons() {
        List<String> lines = new ArrayList<>();
        lines.add(choice.reason());
        fallbacks.forEach(f -> lines.add(f.reason()));
        return List.copyOf(lines);
    }

    /**
     * The route after {@code vendor} failed or became unavailable: its next fallback from another vendor, whose
     * reason says what happened ("kling failed (outage) -> fal/kling-v2.1-pro-i2v"); empty when none is left.
     */
    public Optional<Route> without(String vendor, String why) {
        List<Choice> left = fallbacks.stream().filter(f -> !f.model().vendor().equals(vendor)).toList();
        if (left.isEmpty()) return Optional.empty();
        Choice next = left.getFirst();
        String line = vendor + " failed" + (why == null || why.isBlank() ? "" : " (" + why.strip() + ")") + " -> " + next.model().id();
        return Optional.of(new Route(needs, next.because(line), left.subList(1, left.size())));
    }
}
