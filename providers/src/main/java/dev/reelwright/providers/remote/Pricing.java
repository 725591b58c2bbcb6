package dev.reelwright.providers.remote;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.spi.Charge;

/**
 * The catalog's estimate of a call, for vendors that do not report what they charged, as a {@link Charge}. The
 * dollars come from {@link dev.reelwright.core.cost.Pricing}, the same function the estimate and the budget use.
 */
public final class Pricing {
    private Pricing() {}

    /** A clip of {@code seconds}: per clip if the model is priced so, else per second. */
    public static Charge clip(ModelEntry model, double seconds) {
        return charge(model, dev.reelwright.core.cost.Pricing.clip(model, seconds, null));
    }

    public static Charge image(ModelEntry model) {
        return charge(model, dev.reelwright.core.cost.Pricing.image(model));
    }

    public static Charge characters(ModelEntry model, int characters) {
        return charge(model, dev.reelwright.core.cost.Pricing.speech(model, characters));
    }

    public static Charge tokens(ModelEntry model, long input, long output) {
        return charge(model, dev.reelwright.core.cost.Pricing.tokens(model, input, output));
    }

    /** The shortest clip length the model offers that covers {@code seconds}, else its longest. */
    public static int clipSeconds(ModelEntry model, double seconds) {
        return dev.reelwright.core.cost.Pricing.clipSeconds(model, seconds);
    }

    private static Charge charge(ModelEntry model, double usd) {
        return new Charge(model.vendor(), model.model(), usd, true);
    }
}
