package dev.reelwright.local.keyframe;

import dev.reelwright.core.model.Mood;
import dev.reelwright.local.keyframe.SceneSpec.Thing;
import dev.reelwright.local.keyframe.SceneSpec.Time;
import dev.reelwright.local.keyframe.SceneSpec.Weather;

/** Sky, light and grade for a time of day, weather and mood. */
final class Look {
    int zenith;
    int upper;
    int horizon;
    /** Colour of the key light (sun or moon). */
    int light;
    /** How brightly the land is lit, 0..1.2. */
    float ambient;
    /** Where the light source sits, as a fraction of the distance from the top of the frame to the horizon. */
    float sourceHeight;
    float sourceRadius;
    boolean sunVisible;
    boolean moonVisible;
    float glow;
    float stars;
    int cloudLit;
    int cloudShadow;
    float cloudCover;
    float haze;
    float fog;
    boolean windowsLit;
    float windowLitChance;
    int water;

    // Grade.
    float saturation;
    float contrast;
    float brightness;
    float[] tint;
    float[] shadowTint;
    float[] highlightTint;
    float vignette;
    float grain;

    static Look of(SceneSpec spec, Rng rng) {
        Look k = new Look();
        Time time = spec.time;
        switch (time) {
            case DAWN -> {
                k.zenith = 0x2b3d6e; k.upper = 0x8e7dac; k.horizon = 0xf7b88e; k.light = 0xffc49a;
                k.ambient = 0.62f; k.sourceHeight = 0.93f; k.sourceRadius = 0.045f; k.glow = 1.0f; k.stars = 0.15f;
                k.cloudLit = 0xffd2bd; k.cloudShadow = 0x7f6f96; k.haze = 0.55f; k.windowLitChance = 0.25f; k.water = 0x2a4468;
            }
            case MORNING -> {
                k.zenith = 0x3c7cc4; k.upper = 0x84b6e2; k.horizon = 0xe4ecee; k.light = 0xfff1d8;
                k.ambient = 0.95f; k.sourceHeight = 0.45f; k.sourceRadius = 0.035f; k.glow = 0.7f; k.stars = 0;
                k.cloudLit = 0xffffff; k.cloudShadow = 0xa3b2c8; k.haze = 0.45f; k.windowLitChance = 0; k.water = 0x1f5a7a;
            }
            case NOON -> {
                k.zenith = 0x2862b8; k.upper = 0x5b99dc; k.horizon = 0xc8def2; k.light = 0xffffff;
                k.ambient = 1.05f; k.sourceHeight = 0.16f; k.sourceRadius = 0.03f; k.glow = 0.55f; k.stars = 0;
                k.cloudLit = 0xffffff; k.cloudShadow = 0x9cb0cc; k.haze = 0.35f; k.windowLitChance = 0; k.water = 0x17587e;
            }
            case SUNSET -> {
                k.zenith = 0x262a5c; k.upper = 0xa6506e; k.horizon = 0xffa452; k.light = 0xff9d5c;
                k.ambient = 0.5f; k.sourceHeight = 0.9f; k.sourceRadius = 0.055f; k.glow = 1.2f; k.stars = 0.05f;
                k.cloudLit = 0xffa86e; k.cloudShadow = 0x5c3e62; k.haze = 0.5f; k.windowLitChance = 0.45f; k.water = 0x2a2c50;
            }
            case NIGHT -> {
                k.zenith = 0x070f2a; k.upper = 0x13224a; k.horizon = 0x2e4674; k.light = 0xa8bce6;
                k.ambient = 0.28f; k.sourceHeight = 0.35f; k.sourceRadius = 0.032f; k.glow = 0.5f; k.stars = 1f;
                k.cloudLit = 0x56668c; k.cloudShadow = 0x161e36; k.haze = 0.35f; k.windowLitChance = 0.6f; k.water = 0x0c1834;
            }
        }
        k.windowsLit = k.windowLitChance > 0;
        k.sunVisible = time != Time.NIGHT;
        k.moonVisible = time == Time.NIGHT || (spec.has(Thing.MOON) && time == Time.SUNSET);
        if (spec.has(Thing.STARS)) k.stars = Math.max(k.stars, time == Time.SUNSET || time == Time.DAWN ? 0.45f : 0.2f);
        if (time == Time.NOON && !spec.has(Thing.SUN)) k.sunVisible = rng.chance(0.5f);

        k.cloudCover = switch (spec.mood) {
            case CALM -> 0.3f;
            case HOPEFUL -> 0.32f;
            case JOYFUL -> 0.25f;
            case DRAMATIC -> 0.55f;
            case TENSE -> 0.6f;
            case MYSTERIOUS -> 0.35f;
            case SOMBER -> 0.7f;
        };
        k.cloudCover += rng.range(-0.08f, 0.08f);
        if (spec.has(Thing.CLOUDS)) k.cloudCover += 0.22f;
        if (spec.has(Weather.CLEAR)) k.cloudCover = 0.12f;
        boolean overcast = spec.has(Weather.OVERCAST) || spec.has(Weather.RAIN) || spec.mood == Mood.SOMBER;
        if (overcast) k.cloudCover = Math.max(k.cloudCover, 0.72f);
        if (spec.has(Weather.STORM)) k.cloudCover = 0.85f;
        if (spec.has(Thing.SUN)) {
            k.cloudCover = Math.min(k.cloudCover, 0.5f);
            k.sunVisible = time != Time.NIGHT;
        }
        k.cloudCover = Noise.clamp01(k.cloudCover);
        if (overcast) {
            float grey = spec.has(Weather.STORM) ? 0.7f : 0.5f;
            k.zenith = Rgb.scale(Rgb.grey(k.zenith, grey), spec.has(Weather.STORM) ? 0.6f : 0.9f);
            k.upper = Rgb.scale(Rgb.grey(k.upper, grey), spec.has(Weather.STORM) ? 0.65f : 0.95f);
            k.horizon = Rgb.grey(k.horizon, grey * 0.8f);
            k.cloudLit = Rgb.grey(k.cloudLit, 0.4f);
            k.cloudShadow = Rgb.scale(Rgb.grey(k.cloudShadow, 0.5f), spec.has(Weather.STORM) ? 0.7f : 0.95f);
            k.glow *= 0.5f;
            k.ambient *= 0.85f;
            k.light = Rgb.grey(k.light, 0.5f);
            if (!spec.has(Thing.SUN)) k.sunVisible = false;
            if (!spec.has(Thing.MOON)) k.moonVisible = k.moonVisible && !spec.has(Weather.STORM);
            k.stars *= 0.3f;
        }
        if (spec.has(Weather.FOG)) k.fog = 0.55f;
        if (spec.mood == Mood.MYSTERIOUS) k.fog = Math.max(k.fog, 0.3f);
        if (spec.has(Weather.RAIN)) k.fog = Math.max(k.fog, 0.25f);

        switch (spec.mood) {
            case CALM -> k.grade(0.92f, 0.93f, 0.02f, new float[] {0.98f, 1.0f, 1.03f}, new float[] {0.98f, 1.0f, 1.04f},
                    new float[] {1.02f, 1.0f, 0.98f}, 0.2f, 3.5f);
            case HOPEFUL -> k.grade(1.06f, 0.98f, 0.04f, new float[] {1.05f, 1.01f, 0.93f}, new float[] {0.98f, 0.98f, 1.04f},
                    new float[] {1.06f, 1.02f, 0.92f}, 0.16f, 3.5f);
            case JOYFUL -> k.grade(1.3f, 1.06f, 0.05f, new float[] {1.03f, 1.02f, 0.97f}, new float[] {1.0f, 1.0f, 1.02f},
                    new float[] {1.04f, 1.03f, 0.96f}, 0.1f, 3f);
            case DRAMATIC -> k.grade(1.12f, 1.33f, -0.03f, new float[] {1.04f, 0.99f, 0.94f}, new float[] {0.86f, 1.0f, 1.12f},
                    new float[] {1.1f, 1.0f, 0.86f}, 0.4f, 4.5f);
            case TENSE -> k.grade(0.7f, 1.22f, -0.05f, new float[] {0.99f, 1.03f, 0.88f}, new float[] {0.92f, 1.04f, 0.98f},
                    new float[] {1.04f, 1.03f, 0.86f}, 0.42f, 5.5f);
            case MYSTERIOUS -> k.grade(0.82f, 1.08f, -0.05f, new float[] {0.9f, 0.94f, 1.14f}, new float[] {0.92f, 0.9f, 1.16f},
                    new float[] {0.98f, 1.0f, 1.08f}, 0.36f, 4.5f);
            case SOMBER -> k.grade(0.45f, 0.9f, -0.06f, new float[] {0.95f, 0.98f, 1.04f}, new float[] {0.96f, 0.98f, 1.05f},
                    new float[] {1.0f, 1.0f, 1.0f}, 0.3f, 4.5f);
        }
        return k;
    }

    private void grade(float saturation, float contrast, float brightness, float[] tint, float[] shadows, float[] highlights,
            float vignette, float grain) {
        this.saturation = saturation;
        this.contrast = contrast;
        this.brightness = brightness;
        this.tint = tint;
        this.shadowTint = shadows;
        this.highlightTint = highlights;
        this.vignette = vignette;
        this.grain = grain;
    }

    /** The sky's colour {@code t} of the way from the top of the frame (0) to the horizon (1). */
    int sky(float t) {
        if (t <= 0) return zenith;
        if (t >= 1) return horizon;
        if (t < 0.55f) return Rgb.mix(zenith, upper, Noise.smoothstep(0, 0.55f, t));
        float u = (t - 0.55f) / 0.45f;
        return Rgb.mix(upper, horizon, u * u * (3 - 2 * u) * 0.6f + u * 0.4f);
    }

    /** A surface colour under this light, pushed toward the horizon colour by distance (0 near, 1 far). */
    int lit(int base, float distance) {
        int c = Rgb.mul(base, Rgb.mix(0xffffff, light, 0.55f));
        c = Rgb.scale(c, ambient);
        return Rgb.mix(c, horizon, Noise.clamp01(distance * haze * 1.4f));
    }
}
