package dev.reelwright.local.motion;

/** Maps clip progress 0..1 to move progress 0..1. */
enum Easing {
    /** Mostly cosine ease-in-out, with a little constant speed so the first and last frames still move. */
    EASE_IN_OUT_SOFT("ease_in_out_soft"),
    /** Cosine ease-in-out: starts and ends at rest. */
    EASE_IN_OUT("ease_in_out"),
    SMOOTHSTEP("smoothstep"),
    LINEAR("linear");

    final String label;

    Easing(String label) {
        this.label = label;
    }

    static Easing of(String label) {
        for (Easing e : values()) {
            if (e.label.equals(label)) return e;
        }
        throw new IllegalArgumentException("easing '" + label + "' is not one of ease_in_out_soft, ease_in_out, smoothstep, linear");
    }

    double apply(double t) {
        t = t < 0 ? 0 : (t > 1 ? 1 : t);
        return switch (this) {
            case EASE_IN_OUT_SOFT -> 0.25 * t + 0.75 * (0.5 - 0.5 * Math.cos(Math.PI * t));
            case EASE_IN_OUT -> 0.5 - 0.5 * Math.cos(Math.PI * t);
            case SMOOTHSTEP -> t * t * (3 - 2 * t);
            case LINEAR -> t;
        };
    }
}
