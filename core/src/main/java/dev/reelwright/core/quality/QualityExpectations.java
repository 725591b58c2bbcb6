package dev.reelwright.core.quality;

import java.nio.file.Path;

/**
 * What the caller asked for, to check the clip against; every field may be null (not checked). Seconds may differ
 * by {@link #secondsTolerance()}: encoders round lengths to whole frames and vendors to whole seconds.
 * {@code reference} is the image the clip should stay true to (the keyframe it was made from, or a character's
 * reference photo shared by every shot of that character), for the subject consistency check.
 */
public record QualityExpectations(Integer width, Integer height, Double seconds, Path reference) {
    public static final QualityExpectations NONE = new QualityExpectations(null, null, null, null);

    public QualityExpectations(Integer width, Integer height, Double seconds) {
        this(width, height, seconds, null);
    }

    public QualityExpectations {
        if (width != null && width <= 0 || height != null && height <= 0) {
            throw new IllegalArgumentException("expected size must be positive, got " + width + "x" + height);
        }
        if (seconds != null && !(seconds > 0)) throw new IllegalArgumentException("expected seconds must be positive, got " + seconds);
    }

    public static QualityExpectations size(int width, int height) {
        return new QualityExpectations(width, height, null);
    }

    public static QualityExpectations of(int width, int height, double seconds) {
        return new QualityExpectations(width, height, seconds);
    }

    /** Only a reference image to stay true to. */
    public static QualityExpectations reference(Path image) {
        return new QualityExpectations(null, null, null, image);
    }

    /** How far the length may be off: a quarter second or 5 %, whichever is larger. */
    public double secondsTolerance() {
        return seconds == null ? Double.POSITIVE_INFINITY : Math.max(0.25, 0.05 * seconds);
    }
}
