package dev.reelwright.local.keyframe;

import java.util.Arrays;

/** Lattice value noise on integer hashes, with fractal sums; row-at-a-time variants for the pixel loops. */
final class Noise {
    private Noise() {}

    static int hash(int x, int y, int seed) {
        int h = seed + x * 0x9E3779B1 + y * 0x85EBCA77;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 12;
        h *= 0x297A2D39;
        h ^= h >>> 15;
        return h;
    }

    /** In [0, 1). */
    static float unit(int x, int y, int seed) {
        return (hash(x, y, seed) >>> 8) * 0x1.0p-24f;
    }

    /** In [-1, 1). */
    static float signed(int x, int y, int seed) {
        return (hash(x, y, seed) >> 7) * 0x1.0p-24f;
    }

    static float fade(float t) {
        return t * t * (3 - 2 * t);
    }

    static int floor(float v) {
        int i = (int) v;
        return v < i ? i - 1 : i;
    }

    static float value(float x, float y, int seed) {
        int ix = floor(x);
        int iy = floor(y);
        float tx = fade(x - ix);
        float ty = fade(y - iy);
        float a = unit(ix, iy, seed);
        float b = unit(ix + 1, iy, seed);
        float c = unit(ix, iy + 1, seed);
        float d = unit(ix + 1, iy + 1, seed);
        float top = a + (b - a) * tx;
        float bottom = c + (d - c) * tx;
        return top + (bottom - top) * ty;
    }

    /** Fractal sum in [0, 1]. */
    static float fbm(float x, float y, int octaves, int seed) {
        float sum = 0;
        float amp = 1;
        float norm = 0;
        for (int o = 0; o < octaves; o++) {
            sum += amp * value(x, y, seed + o * 1013);
            norm += amp;
            amp *= 0.5f;
            x *= 2.03f;
            y *= 2.03f;
        }
        return sum / norm;
    }

    static float value1(float x, int seed) {
        int ix = floor(x);
        float t = fade(x - ix);
        float a = unit(ix, 0, seed);
        float b = unit(ix + 1, 0, seed);
        return a + (b - a) * t;
    }

    /** 1-D fractal sum in [0, 1]. */
    static float fbm1(float x, int octaves, float gain, int seed) {
        float sum = 0;
        float amp = 1;
        float norm = 0;
        for (int o = 0; o < octaves; o++) {
            sum += amp * value1(x, seed + o * 7919);
            norm += amp;
            amp *= gain;
            x *= 2.07f;
        }
        return sum / norm;
    }

    /** 1-D ridged fractal in [0, 1]: sharp crests, like mountain ridges against the sky. */
    static float ridged1(float x, int octaves, float gain, int seed) {
        float sum = 0;
        float amp = 1;
        float norm = 0;
        for (int o = 0; o < octaves; o++) {
            float v = 1 - Math.abs(value1(x, seed + o * 7919) * 2 - 1);
            sum += amp * v * v;
            norm += amp;
            amp *= gain;
            x *= 2.11f;
        }
        return sum / norm;
    }

    /**
     * Fills {@code out[0..n)} with a fractal sum in [0, 1] along one row: sample i is at
     * ({@code x0 + i * dx}, {@code y}). Each lattice cell's corners are hashed once, not once per pixel.
     */
    static void fbmRow(float[] out, int n, float x0, float dx, float y, int octaves, float gain, int seed) {
        Arrays.fill(out, 0, n, 0f);
        float amp = 1;
        float norm = 0;
        float freq = 1;
        for (int o = 0; o < octaves; o++) {
            int s = seed + o * 0x3C6EF372;
            float fy = y * freq;
            int iy = floor(fy);
            float ty = fade(fy - iy);
            float fx0 = x0 * freq;
            float fdx = dx * freq;
            int i = 0;
            while (i < n) {
                float fx = fx0 + i * fdx;
                int ix = floor(fx);
                float a0 = unit(ix, iy, s);
                float a = a0 + (unit(ix, iy + 1, s) - a0) * ty;
                float b0 = unit(ix + 1, iy, s);
                float b = b0 + (unit(ix + 1, iy + 1, s) - b0) * ty;
                float d = b - a;
                int end;
                if (fdx > 0) {
                    float steps = (ix + 1 - fx0) / fdx;
                    end = steps >= n ? n : (int) Math.ceil(steps);
                    if (end <= i) end = i + 1;
                } else {
                    end = n;
                }
                for (; i < end; i++) {
                    float t = fx0 + i * fdx - ix;
                    if (t < 0) t = 0;
                    else if (t > 1) t = 1;
                    out[i] += amp * (a + d * (t * t * (3 - 2 * t)));
                }
            }
            norm += amp;
            amp *= gain;
            freq *= 2.03f;
        }
        float inv = 1 / norm;
        for (int i = 0; i < n; i++) out[i] *= inv;
    }

    static float smoothstep(float edge0, float edge1, float x) {
        float t = (x - edge0) / (edge1 - edge0);
        if (t <= 0) return 0;
        if (t >= 1) return 1;
        return t * t * (3 - 2 * t);
    }

    static float clamp01(float v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }
}
