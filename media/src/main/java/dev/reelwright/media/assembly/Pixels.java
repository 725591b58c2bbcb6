package dev.reelwright.media.assembly;

/** Whole-frame pixel arithmetic on 0xRRGGBB ints. */
final class Pixels {
    private Pixels() {}

    /** {@code dst = incoming * alpha + dst * (1 - alpha)}, alpha in 0..1. */
    static void blend(int[] incoming, int[] dst, double alpha, int count) {
        int a = (int) Math.round(Math.max(0, Math.min(1, alpha)) * 256);
        int b = 256 - a;
        for (int i = 0; i < count; i++) {
            int x = incoming[i], y = dst[i];
            int rb = ((x & 0xFF00FF) * a + (y & 0xFF00FF) * b) >>> 8;
            int g = ((x & 0x00FF00) * a + (y & 0x00FF00) * b) >>> 8;
            dst[i] = (rb & 0xFF00FF) | (g & 0x00FF00);
        }
    }

    /** Smoothstep easing of a crossfade position in 0..1. */
    static double ease(double t) {
        double x = Math.max(0, Math.min(1, t));
        return x * x * (3 - 2 * x);
    }

    /**
     * Lays a premultiplied-alpha ARGB overlay of {@code w x h} over the frame at ({@code left}, {@code top});
     * parts outside the frame are skipped.
     */
    static void over(int[] overlay, int w, int h, int left, int top, int[] frame, int frameWidth, int frameHeight) {
        int y0 = Math.max(0, -top), y1 = Math.min(h, frameHeight - top);
        int x0 = Math.max(0, -left), x1 = Math.min(w, frameWidth - left);
        for (int y = y0; y < y1; y++) {
            int src = y * w, dst = (top + y) * frameWidth + left;
            for (int x = x0; x < x1; x++) {
                int o = overlay[src + x];
                int a = o >>> 24;
                if (a == 0) continue;
                if (a == 255) {
                    frame[dst + x] = o & 0xFFFFFF;
                    continue;
                }
                // dst * (255 - a) / 255, rounded exactly, two channels at a time.
                int inv = 255 - a;
                int d = frame[dst + x];
                int rb = (d & 0xFF00FF) * inv + 0x800080;
                rb = ((rb + ((rb >>> 8) & 0xFF00FF)) >>> 8) & 0xFF00FF;
                int g = ((d >>> 8) & 0xFF) * inv + 0x80;
                g = ((g + (g >>> 8)) >>> 8) & 0xFF;
                frame[dst + x] = ((o & 0xFF00FF) + rb) & 0xFF00FF | ((o & 0x00FF00) + (g << 8)) & 0x00FF00;
            }
        }
    }
}
