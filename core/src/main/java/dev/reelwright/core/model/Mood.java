package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The feeling a scene should carry; drives palette, light and pacing. */
public enum Mood {
    CALM,
    HOPEFUL,
    JOYFUL,
    DRAMATIC,
    TENSE,
    MYSTERIOUS,
    SOMBER;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Mood parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Mood mood : values()) {
            if (mood.name().equals(wanted)) return mood;
        }
        throw new IllegalArgumentException("mood '" + text + "' is not one of " + choices());
    }

    public static String choices() {
        return Arrays.stream(values()).map(Mood::label).collect(Collectors.joining(", "));
    }
}
