package dev.reelwright.providers.remote;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.spi.Charge;

/** The catalog's estimate of a call, for vendors that do not report what they charged. */
public final class Pricing {
    private Pricing() {}

    /** A clip of {@code seconds}: per clip if the model is priced so, else per second. */
    public static Charge clip(ModelEntry model, double seconds) {
        double usd = model.price().containsKey("per_clip") ? model.price("per_clip") : model.price("per_second") * seconds;
        return new Charge(model.vendor(), model.model(), usd, true);
    }

    public static Charge image(ModelEntry model) {
        return new Charge(model.vendor(), model.model(), model.price("per_image"), true);
    }

    public static Charge characters(ModelEntry model, int characters) {
        return new Charge(model.vendor(), model.model(), model.price("per_1k_characters") * characters / 1000.0, true);
    }

    public static Charge tokens(ModelEntry model, long input, long output) {
        double usd = model.price("per_1m_input_tokens") * input / 1e6 + model.price("per_1m_output_tokens") * output / 1e6;
        return new Charge(model.vendor(), model.model(), usd, true);
    }

    /** The shortest clip length the model offers that covers {@code seconds}, else its longest. */
    public static int clipSeconds(ModelEntry model, double seconds) {
        if (model.clipSeconds().isEmpty()) return (int) Math.ceil(seconds);
        return model.clipSeconds().stream().filter(s -> s >= seconds - 1e-6).min(Integer::compare)
                .orElse(model.clipSeconds().stream().max(Integer::compare).orElseThrow());
    }
}
