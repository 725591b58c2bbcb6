package dev.reelwright.core.quality;

/**
 * What the caller asked for, to check the clip against; every field may be null (not checked). Seconds may differ
 * by {@link #secondsTolerance()}: encoders round lengths to whole frames and vendors to whole seconds.
 */
public record QualityExpectations(Integer width, Integer height, Double seconds) {
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

    /** How far the length may be off: a quarter second or 5 %, whichever is larger. */
    public double secondsTolerance() {
        return seconds == null ? Double.POSITIVE_INFINITY : Math.max(0.25, 0.05 * seconds);
    }
}
