package dev.reelwright.local.keyframe;

import java.awt.Color;

/** Packed 0xRRGGBB colour arithmetic. */
final class Rgb {
    private Rgb() {}

    static int r(int c) {
        return (c >>> 16) & 0xFF;
    }

    static int g(int c) {
        return (c >>> 8) & 0xFF;
    }

    static int b(int c) {
        return c & 0xFF;
    }

    static int clamp(int v) {
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }

    static int pack(float r, float g, float b) {
        return (clamp((int) (r + 0.5f)) << 16) | (clamp((int) (g + 0.5f)) << 8) | clamp((int) (b + 0.5f));
    }

    static int mix(int a, int b, float t) {
        if (t <= 0) return a;
        if (t >= 1) return b;
        return pack(r(a) + (r(b) - r(a)) * t, g(a) + (g(b) - g(a)) * t, b(a) + (b(b) - b(a)) * t);
    }

    static int scale(int c, float f) {
        return pack(r(c) * f, g(c) * f, b(c) * f);
    }

    /** Component-wise product, as light of colour {@code light} falling on a surface of colour {@code c}. */
    static int mul(int c, int light) {
        return pack(r(c) * r(light) / 255f, g(c) * g(light) / 255f, b(c) * b(light) / 255f);
    }

    static int add(int a, int b, float t) {
        return pack(r(a) + r(b) * t, g(a) + g(b) * t, b(a) + b(b) * t);
    }

    static int grey(int c, float t) {
        float l = luma(c);
        return pack(r(c) + (l - r(c)) * t, g(c) + (l - g(c)) * t, b(c) + (l - b(c)) * t);
    }

    static float luma(int c) {
        return 0.2126f * r(c) + 0.7152f * g(c) + 0.0722f * b(c);
    }

    static Color color(int c) {
        return new Color(c);
    }

    static Color color(int c, float alpha) {
        return new Color(r(c), g(c), b(c), clamp((int) (alpha * 255 + 0.5f)));
    }
}
