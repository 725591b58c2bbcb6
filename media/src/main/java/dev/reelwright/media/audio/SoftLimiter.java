package dev.reelwright.media.audio;

/**
 * A memoryless soft knee on the final mix: straight below 0.85, then bent smoothly (tanh) towards 0.99, so
 * the sum of voice and music can never clip and quiet material passes untouched.
 */
public final class SoftLimiter {
    static final float KNEE = 0.85f;
    /** The output never reaches this (about -0.1 dBFS), leaving room for the AAC encoder's own overshoot. */
    static final float CEILING = 0.99f;
    private static final float ROOM = CEILING - KNEE;

    private SoftLimiter() {}

    public static float apply(float x) {
        float a = Math.abs(x);
        if (a <= KNEE) return x;
        float bent = KNEE + ROOM * (float) Math.tanh((a - KNEE) / ROOM);
        return x < 0 ? -bent : bent;
    }
}
