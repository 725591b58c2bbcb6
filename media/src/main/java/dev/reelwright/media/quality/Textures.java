package dev.reelwright.media.quality;

import java.util.Random;

/** Procedural backgrounds for the test set: multi-octave value noise through a three-colour palette. */
final class Textures {
    private Textures() {}

    /** A width x height texture with {@code perUnit} pixels per world unit, the same picture at any resolution. */
    static int[] valueNoise(int width, int height, double perUnit, long seed) {
        Random random = new Random(seed);
        double[] cells = {0.45, 0.22, 0.11, 0.055, 0.028, 0.014};
        double[] weights = {1, 0.7, 0.5, 0.38, 0.28, 0.2};
        float[] value = new float[width * height];
        double total = 0;
        for (int octave = 0; octave < cells.length; octave++) {
            double cellPx = cells[octave] * perUnit;
            int gw = (int) Math.ceil(width / cellPx) + 2, gh = (int) Math.ceil(height / cellPx) + 2;
            float[] lattice = new float[gw * gh];
            for (int k = 0; k < lattice.length; k++) lattice[k] = random.nextFloat();
            float weight = (float) weights[octave];
            total += weight;
            for (int y = 0; y < height; y++) {
                double gy = y / cellPx;
                int y0 = (int) gy;
                double fy = smooth(gy - y0);
                for (int x = 0; x < width; x++) {
                    double gx = x / cellPx;
                    int x0 = (int) gx;
                    double fx = smooth(gx - x0);
                    int i = y0 * gw + x0;
                    double top = lattice[i] + (lattice[i + 1] - lattice[i]) * fx;
                    double bottom = lattice[i + gw] + (lattice[i + gw + 1] - lattice[i + gw]) * fx;
                    value[y * width + x] += (float) (weight * (top + (bottom - top) * fy));
                }
            }
        }
        // Palette: three muted colours of a random hue family, so props and figures stand out.
        float hue = random.nextFloat();
        int dark = java.awt.Color.HSBtoRGB(hue, 0.35f, 0.25f) & 0xFFFFFF;
        int mid = java.awt.Color.HSBtoRGB(hue + 0.08f, 0.3f, 0.5f) & 0xFFFFFF;
        int light = java.awt.Color.HSBtoRGB(hue + 0.16f, 0.2f, 0.78f) & 0xFFFFFF;
        int[] texture = new int[width * height];
        for (int i = 0; i < texture.length; i++) {
            double v = Math.max(0, Math.min(1, (value[i] / total - 0.5) * 2.2 + 0.5));
            texture[i] = v < 0.5 ? mix(dark, mid, v * 2) : mix(mid, light, (v - 0.5) * 2);
        }
        return texture;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
        int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
        return r << 16 | g << 8 | bl;
    }

    /** Bilinear mix of four 0xRRGGBB pixels with 8-bit weights (0..256). */
    static int bilinear(int p00, int p10, int p01, int p11, int fx, int fy) {
        int r = lerp2((p00 >> 16) & 0xFF, (p10 >> 16) & 0xFF, (p01 >> 16) & 0xFF, (p11 >> 16) & 0xFF, fx, fy);
        int g = lerp2((p00 >> 8) & 0xFF, (p10 >> 8) & 0xFF, (p01 >> 8) & 0xFF, (p11 >> 8) & 0xFF, fx, fy);
        int b = lerp2(p00 & 0xFF, p10 & 0xFF, p01 & 0xFF, p11 & 0xFF, fx, fy);
        return r << 16 | g << 8 | b;
    }

    private static int lerp2(int a, int b, int c, int d, int fx, int fy) {
        int top = (a << 8) + (b - a) * fx, bottom = (c << 8) + (d - c) * fx;
        return ((top << 8) + (bottom - top) * fy + (1 << 15)) >> 16;
    }

    /** Mixes towards white (positive amount) or black (negative). */
    static int shade(int rgb, double amount) {
        return mix(rgb, amount >= 0 ? 0xFFFFFF : 0x000000, Math.min(1, Math.abs(amount)));
    }
}
