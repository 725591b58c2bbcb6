package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A YAML on/off switch that also takes true/false and yes/no, whichever a person writes. */
public record Toggle(boolean on) {
    public static final Toggle ON = new Toggle(true);
    public static final Toggle OFF = new Toggle(false);

    @JsonCreator
    public static Toggle parse(Object value) {
        if (value instanceof Boolean bool) return bool ? ON : OFF;
        String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "on", "true", "yes" -> ON;
            case "off", "false", "no" -> OFF;
            default -> throw new IllegalArgumentException("'" + value + "' is not on or off");
        };
    }

    @JsonValue
    public String label() {
        return on ? "on" : "off";
    }
}
