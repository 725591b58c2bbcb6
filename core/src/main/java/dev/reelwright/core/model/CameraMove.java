package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The camera moves a shot can ask for; vendors with camera control map these onto their own. */
public enum CameraMove {
    STATIC,
    DOLLY_IN,
    DOLLY_OUT,
    PAN_LEFT,
    PAN_RIGHT,
    CRANE_UP,
    CRANE_DOWN,
    ORBIT;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CameraMove parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (CameraMove move : values()) {
            if (move.name().equals(wanted)) return move;
        }
        throw new IllegalArgumentException("camera '" + text + "' is not one of " + choices());
    }

    public static String choices() {
        return Arrays.stream(values()).map(CameraMove::label).collect(Collectors.joining(", "));
    }
}
