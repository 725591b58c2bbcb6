package dev.reelwright.core.cost;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.model.Resolution;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a catalog price becomes dollars: the estimate, the router's comparison and the budget reservation
 * all call these, so what {@code estimate} prints is what {@code make} reserves. Prices are the catalog's, which are
 * estimates unless a vendor reports its charge; see models.yaml for the units.
 */
public final class Pricing {
    private static final double EPSILON = 1e-6;

    private Pricing() {}

    /**
     * One clip covering {@code seconds} (at most the model's longest clip). It is billed at the length the model
     * makes: the shortest of its {@code clip_seconds} that covers the time, or exactly {@code seconds} for a model
     * that makes any length. A self-hosted model costs its GPU rate over its typical latency.
     *
     * @param resolution the production's; a price for that resolution ({@code per_second_1080p}) wins, null = the base price
     */
    public static double clip(ModelEntry model, double seconds, Resolution resolution) {
        double billed = model.clipSeconds().isEmpty() ? seconds : clipSeconds(model, seconds);
        String perClip = unit(model, "per_clip", resolution);
        if (perClip != null) return model.price(perClip);
        String perSecond = unit(model, "per_second", resolution);
        if (perSecond != null) return model.price(perSecond) * billed;
        if (model.price().containsKey("per_gpu_second") && model.latencySeconds() != null) {
            return model.price("per_gpu_second") * model.latencySeconds();
        }
        return 0;
    }

    /**
     * The lengths of the clips a shot of {@code seconds} is chained from: as many of the longest clip as fit, then
     * the shortest clip that covers the rest. One clip when the shot fits, or when the model makes any length.
     */
    public static List<Double> chain(ModelEntry model, double seconds) {
        int longest = model.longestClip();
        if (longest == 0 || seconds <= longest + EPSILON) {
            return List.of(model.clipSeconds().isEmpty() ? seconds : clipSeconds(model, seconds));
        }
        int clips = (int) Math.ceil(seconds / longest - EPSILON);
        List<Double> lengths = new ArrayList<>();
        for (int i = 0; i < clips - 1; i++) lengths.add((double) longest);
        lengths.add((double) clipSeconds(model, seconds - (clips - 1) * (double) longest));
        return List.copyOf(lengths);
    }

    /** One candidate of a whole shot: every clip of its chain. This is the amount a candidate reserves. */
    public static double take(ModelEntry model, double seconds, Resolution resolution) {
        double usd = 0;
        for (double length : chain(model, seconds)) usd += clip(model, length, resolution);
        return usd;
    }

    public static double image(ModelEntry model) {
        return model.price("per_image");
    }

    public static double speech(ModelEntry model, int characters) {
        return model.price("per_1k_characters") * characters / 1000.0;
    }

    public static double tokens(ModelEntry model, long input, long output) {
        return model.price("per_1m_input_tokens") * input / 1e6 + model.price("per_1m_output_tokens") * output / 1e6;
    }

    /** Audio priced by the minute (transcription). */
    public static double minutes(ModelEntry model, double seconds) {
        return model.price("per_minute") * seconds / 60.0;
    }

    /** The shortest clip length the model offers that covers {@code seconds}, else its longest. */
    public static int clipSeconds(ModelEntry model, double seconds) {
        if (model.clipSeconds().isEmpty()) return (int) Math.ceil(seconds);
        return model.clipSeconds().stream().filter(s -> s >= seconds - EPSILON).min(Integer::compare)
                .orElse(model.longestClip());
    }

    /** The price key for {@code base} at this resolution if the catalog has one, else {@code base} if present, else null. */
    private static String unit(ModelEntry model, String base, Resolution resolution) {
        if (resolution != null && model.price().containsKey(base + "_" + resolution.label())) return base + "_" + resolution.label();
        return model.price().containsKey(base) ? base : null;
    }
}
