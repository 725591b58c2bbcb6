package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How burned-in captions look: {@code highlight} colours the word being spoken, {@code plain} does not. */
public enum CaptionStyle {
    HIGHLIGHT,
    PLAIN;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CaptionStyle parse(String text) {
        for (CaptionStyle style : values()) {
            if (style.label().equalsIgnoreCase(text == null ? "" : text.strip())) return style;
        }
        throw new IllegalArgumentException("caption_style '" + text + "' is not one of highlight, plain");
    }
}
