package dev.reelwright.local.motion;

/**
 * Bilinear resampling of a {@link SourceImage} through an affine map, in 16.16 fixed point. This is the hot loop of
 * the product: it runs for every pixel of every frame of every local clip. Per row it steps the source position by a
 * constant; rows whose whole span lies inside the source skip the edge clamps.
 */
final class AffineSampler {
    private static final double ONE = 65536.0;

    private AffineSampler() {}

    /**
     * Fills {@code out} (width * height, row-major) with output pixel (u, v) = source at (a*u + b*v + c, d*u + e*v + f),
     * source coordinates in pixels with integer values at pixel centres; positions off the source clamp to its edge.
     */
    static void render(SourceImage source, double a, double b, double c, double d, double e, double f, int[] out, int width, int height) {
        render(source, a, b, c, d, e, f, out, width, height, null);
    }

    /**
     * As above; {@code scratch} (at least {@code source.stride + 1} ints, or null) lets rows that do not rotate blend
     * the two source rows once and then interpolate along them, which halves the work per pixel.
     */
    static void render(SourceImage source, double a, double b, double c, double d, double e, double f, int[] out, int width, int height,
            int[] scratch) {
        final int[] src = source.pixels;
        final int stride = source.stride;
        final int maxX = (source.width - 1) << 16;
        final int maxY = (source.height - 1) << 16;
        final int stepX = (int) Math.round(a * ONE);
        final int stepY = (int) Math.round(d * ONE);
        final long spanX = (long) stepX * (width - 1);
        final long spanY = (long) stepY * (width - 1);
        for (int v = 0; v < height; v++) {
            long startX = Math.round((b * v + c) * ONE);
            long startY = Math.round((e * v + f) * ONE);
            long endX = startX + spanX;
            long endY = startY + spanY;
            int o = v * width;
            if (Math.min(startX, endX) >= 0 && Math.max(startX, endX) <= maxX && Math.min(startY, endY) >= 0
                    && Math.max(startY, endY) <= maxY) {
                if (stepY == 0 && stepX > 0 && scratch != null && scratch.length > stride) {
                    rowLevel(src, stride, (int) startX, (int) endX, (int) startY, stepX, scratch, out, o, width);
                } else {
                    rowInside(src, stride, (int) startX, (int) startY, stepX, stepY, out, o, width);
                }
            } else {
                rowClamped(src, stride, startX, startY, stepX, stepY, maxX, maxY, out, o, width);
            }
        }
    }

    /** A row with constant source y: blend the two source rows over the span once, then lerp along the blend. */
    private static void rowLevel(int[] src, int stride, int fx, int endX, int fy, int stepX, int[] line, int[] out, int o, int n) {
        int first = fx >> 16;
        int last = (endX >> 16) + 1;
        int top = (fy >> 16) * stride;
        int bottom = top + stride;
        int wy = (fy >>> 8) & 0xFF;
        if (wy == 0) {
            System.arraycopy(src, top + first, line, first, last - first + 1);
        } else {
            int wt = 256 - wy;
            for (int x = first; x <= last; x++) {
                int p0 = src[top + x];
                int p1 = src[bottom + x];
                int rb = ((p0 & 0xFF00FF) * wt + (p1 & 0xFF00FF) * wy + 0x800080) >>> 8;
                int g = ((p0 & 0xFF00) * wt + (p1 & 0xFF00) * wy + 0x8000) >>> 8;
                line[x] = (rb & 0xFF00FF) | (g & 0xFF00);
            }
        }
        for (int end = o + n; o < end; o++) {
            int i = fx >> 16;
            int wx = (fx >>> 8) & 0xFF;
            int p0 = line[i];
            int p1 = line[i + 1];
            int rb = ((p0 & 0xFF00FF) * (256 - wx) + (p1 & 0xFF00FF) * wx + 0x800080) >>> 8;
            int g = ((p0 & 0xFF00) * (256 - wx) + (p1 & 0xFF00) * wx + 0x8000) >>> 8;
            out[o] = (rb & 0xFF00FF) | (g & 0xFF00);
            fx += stepX;
        }
    }

    private static void rowInside(int[] src, int stride, int fx, int fy, int stepX, int stepY, int[] out, int o, int n) {
        for (int end = o + n; o < end; o++) {
            int i = (fy >> 16) * stride + (fx >> 16);
            int wx = (fx >>> 8) & 0xFF;
            int wy = (fy >>> 8) & 0xFF;
            int w11 = (wx * wy) >>> 8;
            int w10 = wx - w11;
            int w01 = wy - w11;
            int w00 = 256 - wx - wy + w11;
            int p00 = src[i];
            int p10 = src[i + 1];
            int p01 = src[i + stride];
            int p11 = src[i + stride + 1];
            int rb = ((p00 & 0xFF00FF) * w00 + (p10 & 0xFF00FF) * w10 + (p01 & 0xFF00FF) * w01 + (p11 & 0xFF00FF) * w11 + 0x800080) >>> 8;
            int g = ((p00 & 0xFF00) * w00 + (p10 & 0xFF00) * w10 + (p01 & 0xFF00) * w01 + (p11 & 0xFF00) * w11 + 0x8000) >>> 8;
            out[o] = (rb & 0xFF00FF) | (g & 0xFF00);
            fx += stepX;
            fy += stepY;
        }
    }

    private static void rowClamped(int[] src, int stride, long startX, long startY, int stepX, int stepY, int maxX, int maxY,
            int[] out, int o, int n) {
        long fx = startX;
        long fy = startY;
        for (int end = o + n; o < end; o++) {
            int x = fx < 0 ? 0 : (fx > maxX ? maxX : (int) fx);
            int y = fy < 0 ? 0 : (fy > maxY ? maxY : (int) fy);
            int i = (y >> 16) * stride + (x >> 16);
            int wx = (x >>> 8) & 0xFF;
            int wy = (y >>> 8) & 0xFF;
            int w11 = (wx * wy) >>> 8;
            int w10 = wx - w11;
            int w01 = wy - w11;
            int w00 = 256 - wx - wy + w11;
            int p00 = src[i];
            int p10 = src[i + 1];
            int p01 = src[i + stride];
            int p11 = src[i + stride + 1];
            int rb = ((p00 & 0xFF00FF) * w00 + (p10 & 0xFF00FF) * w10 + (p01 & 0xFF00FF) * w01 + (p11 & 0xFF00FF) * w11 + 0x800080) >>> 8;
            int g = ((p00 & 0xFF00) * w00 + (p10 & 0xFF00) * w10 + (p01 & 0xFF00) * w01 + (p11 & 0xFF00) * w11 + 0x8000) >>> 8;
            out[o] = (rb & 0xFF00FF) | (g & 0xFF00);
            fx += stepX;
            fy += stepY;
        }
    }
}
