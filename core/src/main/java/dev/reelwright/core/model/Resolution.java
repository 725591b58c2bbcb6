package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Output resolution class, named by the short side's line count. */
public enum Resolution {
    P720(720),
    P1080(1080);

    private final int lines;

    Resolution(int lines) {
        this.lines = lines;
    }

    public int lines() {
        return lines;
    }

    @JsonValue
    public String label() {
        return lines + "p";
    }

    @JsonCreator
    public static Resolution parse(String text) {
        for (Resolution resolution : values()) {
            if (resolution.label().equalsIgnoreCase(text == null ? null : text.trim())) return resolution;
        }
        throw new IllegalArgumentException("resolution '" + text + "' is not one of 720p, 1080p");
    }
}
