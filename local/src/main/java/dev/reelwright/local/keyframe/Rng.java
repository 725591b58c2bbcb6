package dev.reelwright.local.keyframe;

import java.nio.charset.StandardCharsets;

/** SplitMix64: a tiny, fully specified generator, so the same seed gives the same picture on every JVM. */
final class Rng {
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over the UTF-8 bytes, then mixed: a stable 64-bit hash of a text. */
    static long hash(String text) {
        long h = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform in [0, 1). */
    float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    float range(float from, float to) {
        return from + (to - from) * nextFloat();
    }

    int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) % bound);
    }

    boolean chance(float p) {
        return nextFloat() < p;
    }

    /** An independent stream for one part of the picture, so adding draws elsewhere never shifts this part. */
    Rng fork(String label) {
        return new Rng(mix(state ^ hash(label)));
    }

    <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }

    int pick(int[] values) {
        return values[nextInt(values.length)];
    }
}
