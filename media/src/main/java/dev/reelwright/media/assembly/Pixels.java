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
        over(overlay, w, h, left, top, frame, frameWidth, frameHeight, new int[w], new int[w]);
    }

    /** As above, with two work rows of at least {@code w} ints each, so that nothing is allocated. */
    static void over(int[] overlay, int w, int h, int left, int top, int[] frame, int frameWidth, int frameHeight, int[] ink, int[] under) {
        int y0 = Math.max(0, -top), y1 = Math.min(h, frameHeight - top);
        int x0 = Math.max(0, -left), x1 = Math.min(w, frameWidth - left);
        int n = x1 - x0;
        if (n <= 0 || y1 <= y0) return;
        for (int y = y0; y < y1; y++) {
            int src = y * w + x0, dst = (top + y) * frameWidth + left + x0;
            // Both rows into work rows indexed alike, so the blend loop provably has no overlap and vectorises; the
            // copies cost far less than a scalar loop.
            System.arraycopy(overlay, src, ink, 0, n);
            System.arraycopy(frame, dst, under, 0, n);
            overRow(ink, under, n);
            System.arraycopy(under, 0, frame, dst, n);
        }
    }

    /**
     * {@code under[i] = ink[i] over under[i]}: under * (255 - a) / 255, rounded exactly, plus the premultiplied ink,
     * two channels at a time. Branch-free: alpha 255 gives the ink and alpha 0 (colour 0, as premultiplied) leaves
     * the frame, exactly.
     */
    private static void overRow(int[] ink, int[] under, int n) {
        for (int i = 0; i < n; i++) {
            int o = ink[i];
            int d = under[i];
            int inv = 255 - (o >>> 24);
            int rb = (d & 0xFF00FF) * inv + 0x800080;
            rb = ((rb + ((rb >>> 8) & 0xFF00FF)) >>> 8) & 0xFF00FF;
            int g = ((d >>> 8) & 0xFF) * inv + 0x80;
            g = ((g + (g >>> 8)) >>> 8) & 0xFF;
            under[i] = ((o & 0xFF00FF) + rb) & 0xFF00FF | ((o & 0x00FF00) + (g << 8)) & 0x00FF00;
        }
    }
}
