package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.regex.Pattern;

/**
 * The production's look on cards and captions. Colours are #RRGGBB.
 * {@code titleCard} is the text of the opening card (the title when absent); 0 {@code titleSeconds} drops the card.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Brand(String titleCard, Double titleSeconds, String primaryColor, String accentColor, String textColor) {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    public static final Brand DEFAULT = new Brand(null, null, null, null, null);

    public Brand {
        titleSeconds = titleSeconds == null ? 2.5 : titleSeconds;
        if (titleSeconds < 0 || titleSeconds > 30) throw new IllegalArgumentException("title_seconds must be 0..30, got " + titleSeconds);
        primaryColor = color("primary_color", primaryColor, "#101828");
        accentColor = color("accent_color", accentColor, "#F4B942");
        textColor = color("text_color", textColor, "#FFFFFF");
    }

    private static String color(String key, String value, String fallback) {
        if (value == null) return fallback;
        if (!HEX.matcher(value.strip()).matches()) throw new IllegalArgumentException(key + " '" + value + "' is not a colour like #1A2B3C");
        return value.strip().toUpperCase();
    }

    /** A colour as 0xRRGGBB. */
    public static int rgb(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }
}
