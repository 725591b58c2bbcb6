package dev.reelwright.providers.kling.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Set;

/**
 * Kling's {@code camera_control}: {@code {"type": T, "config": {...}}}. Only {@code simple} takes a config, whose six
 * floats lie in [-10, 10] with exactly one non-zero; the named types take none (PROVIDERS.md §8).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CameraControl(String type, Config config) {
    public static final Set<String> NAMED = Set.of("down_back", "forward_up", "right_turn_forward", "left_turn_forward");

    public CameraControl {
        Objects.requireNonNull(type, "type");
        if (type.equals("simple")) {
            Objects.requireNonNull(config, "a simple camera move needs its config");
        } else if (NAMED.contains(type)) {
            if (config != null) throw new IllegalArgumentException(type + " takes no config");
        } else {
            throw new IllegalArgumentException("unknown camera_control type " + type);
        }
    }

    public static CameraControl simple(Config config) {
        return new CameraControl("simple", config);
    }

    public static CameraControl named(String type) {
        return new CameraControl(type, null);
    }

    /** Translate x / y, rotate (Kling's pan and tilt), roll, and zoom (positive = wider view). */
    public record Config(double horizontal, double vertical, double pan, double tilt, double roll, double zoom) {
        public Config {
            double[] all = {horizontal, vertical, pan, tilt, roll, zoom};
            int nonZero = 0;
            for (double value : all) {
                if (value < -10 || value > 10 || Double.isNaN(value)) throw new IllegalArgumentException("camera values lie in [-10, 10]");
                if (value != 0) nonZero++;
            }
            if (nonZero != 1) throw new IllegalArgumentException("exactly one camera value must be non-zero, got " + nonZero);
        }
    }
}
