package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The frame shapes Reelwright publishes: landscape (YouTube), portrait (Reels, Shorts) and square. */
public enum Aspect {
    LANDSCAPE("16:9", 16, 9),
    PORTRAIT("9:16", 9, 16),
    SQUARE("1:1", 1, 1);

    private final String label;
    private final int across;
    private final int down;

    Aspect(String label, int across, int down) {
        this.label = label;
        this.across = across;
        this.down = down;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Width and height for a resolution class, whose short side is the resolution's line count. */
    public VideoFormat format(Resolution resolution, int fps) {
        int shortSide = resolution.lines();
        if (across == down) return new VideoFormat(shortSide, shortSide, fps);
        int longSide = Math.round(shortSide * (float) Math.max(across, down) / Math.min(across, down));
        longSide += longSide % 2; // H.264 with yuv420p needs even sizes
        return across > down ? new VideoFormat(longSide, shortSide, fps) : new VideoFormat(shortSide, longSide, fps);
    }

    @JsonCreator
    public static Aspect parse(String text) {
        for (Aspect aspect : values()) {
            if (aspect.label.equals(text == null ? null : text.trim())) return aspect;
        }
        throw new IllegalArgumentException("aspect '" + text + "' is not one of " + choices());
    }

    public static String choices() {
        return Arrays.stream(values()).map(Aspect::label).collect(Collectors.joining(", "));
    }
}
