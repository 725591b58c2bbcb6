package dev.reelwright.local.keyframe;

/** One band of terrain: its skyline per column and how its pixels are coloured. */
final class Land {
    /** Top edge per column, in region pixels; a value past the bottom means "no land in this column". */
    final float[] top;
    /** Lower edge: the band stops here (a headland stops at its waterline). */
    float bottom;
    /** 0 far .. 1 near: props standing on it are drawn this big. */
    final float depth;
    /** Props may stand on it. */
    boolean standable = true;

    int topColour;
    int bottomColour;
    /** How fast the colour goes from top to bottom, per frame height of depth. */
    float gradient = 2.5f;
    float texScaleX = 40;
    float texScaleY = 40;
    float texAmp = 0.12f;
    float emboss = 0;
    float slopeLight = 0;
    float rim = 0;
    int accent = -1;
    /** Accent band thickness in pixels (grass on a cliff top). */
    float accentDepth = 0;
    int snow = -1;
    /** Snow covers what lies above this many pixels below the highest peak of the band. */
    float snowDepth = 0;
    float strata = 0;
    /** Streaks: texture stretched vertically (grass) or horizontally (sand, rock layers). */
    int octaves = 4;
    /** The band fades into the haze colour toward its bottom by this much (mist in the valleys). */
    float mist = 0;

    /** Broad light and dark patches across the band (meadow colour variation), relative amplitude. */
    float patchAmp = 0.08f;
    /** Per-column position across the crown that makes the skyline there, -1..1 (trees), or null. */
    float[] crown;
    /** How far below the skyline the crown shading reaches, in pixels. */
    float crownDepth;

    Land(float[] top, float bottom, float depth) {
        this.top = top;
        this.bottom = bottom;
        this.depth = depth;
    }

    float minTop() {
        float m = Float.MAX_VALUE;
        for (float t : top) m = Math.min(m, t);
        return m;
    }

    float at(float x) {
        int i = Math.max(0, Math.min(top.length - 1, (int) x));
        return top[i];
    }

    boolean present(float x) {
        return at(x) < bottom - 1;
    }
}
