package dev.reelwright.local.motion;

/**
 * Bilinear resampling of a {@link SourceImage} through an affine map, in 16.16 fixed point with 8-bit weights. This
 * is the hot loop of the product: it runs for every pixel of every frame of every local clip.
 *
 * <p>Maps without rotation (every camera move but the orbit) are separable: each output column reads the same source
 * column pair with the same weight on every row, and each output row the same source row pair. Those frames are
 * drawn in two passes: every source row the frame touches is resampled horizontally once, through a per-frame table
 * of source columns and weights, and each output row is then a constant-weight blend of two such rows, a loop the
 * JIT vectorises. Rotated maps step the source position along each row; rows whose whole span lies inside the source
 * skip the edge clamps, and gather each sample's four neighbours before blending them in vectorised loops.
 *
 * <p>The blend loops are kept simple for C2's auto-vectoriser: every array indexed alike from 0 (a loop that reads
 * one array and writes another at a different offset is not vectorised, as they might overlap), and two multiplies
 * per channel pair ({@code p0 * (256 - w) + p1 * w}; the one-multiply form {@code (p0 << 8) + (p1 - p0) * w} stops
 * the constant-weight loop vectorising once it is inlined). Each loop is 3 to 4 times faster than its scalar form.
 */
final class AffineSampler {
    private static final double ONE = 65536.0;

    private AffineSampler() {}

    /**
     * Work rows for frames of one width, reused between calls so that frames allocate nothing. Separate arrays, all
     * indexed from 0, so the JIT can prove the blend loops free of overlap and vectorise them. One thread at a time.
     */
    static final class Scratch {
        final int width;
        /** Per output column: the left source column and the weight (0..255) of its right neighbour. */
        final int[] column;
        final int[] weight;
        /** Gathered left and right neighbours of the current row. */
        final int[] left;
        final int[] right;
        /** Two horizontally resampled source rows, and one blended output row. */
        final int[] upper;
        final int[] lower;
        final int[] blend;

        Scratch(int width) {
            this.width = width;
            column = new int[width];
            weight = new int[width];
            left = new int[width];
            right = new int[width];
            upper = new int[width];
            lower = new int[width];
            blend = new int[width];
        }
    }

    /**
     * Fills {@code out} (width * height, row-major) with output pixel (u, v) = source at (a*u + b*v + c, d*u + e*v + f),
     * source coordinates in pixels with integer values at pixel centres; positions off the source clamp to its edge.
     */
    static void render(SourceImage source, double a, double b, double c, double d, double e, double f, int[] out, int width, int height) {
        render(source, a, b, c, d, e, f, out, width, height, null);
    }

    /** As above, with work rows for this width (null, or ones for another width, allocates temporary ones). */
    static void render(SourceImage source, double a, double b, double c, double d, double e, double f, int[] out, int width, int height,
            Scratch scratch) {
        if (width <= 0 || height <= 0) return;
        if (out.length < width * height) throw new IllegalArgumentException("the output holds " + out.length + " pixels, not " + width * height);
        if (scratch == null || scratch.width != width) scratch = new Scratch(width);
        if (b == 0 && d == 0) {
            renderSeparable(source, a, c, e, f, out, width, height, scratch);
        } else {
            renderRotated(source, a, b, c, d, e, f, out, width, height, scratch);
        }
    }

    /** x = a*u + c, y = e*v + f: horizontal pass per source row (each once), then a vertical blend per output row. */
    private static void renderSeparable(SourceImage source, double a, double c, double e, double f, int[] out, int width, int height,
            Scratch s) {
        final int[] src = source.pixels;
        final int stride = source.stride;
        final long maxX = (long) (source.width - 1) << 16;
        final long maxY = (long) (source.height - 1) << 16;
        // Column table, clamped at the edges (where the weight is then 0).
        final long startX = Math.round(c * ONE);
        final long stepX = Math.round(a * ONE);
        for (int u = 0; u < width; u++) {
            long fx = startX + stepX * u;
            int x = fx < 0 ? 0 : (int) Math.min(fx, maxX);
            s.column[u] = x >>> 16;
            s.weight[u] = (x >>> 8) & 0xFF;
        }
        int upperRow = -1, lowerRow = -1;
        int[] upper = s.upper, lower = s.lower;
        final int[] blend = s.blend;
        for (int v = 0; v < height; v++) {
            long fy = Math.round((e * v + f) * ONE);
            int y = fy < 0 ? 0 : (int) Math.min(fy, maxY);
            int top = y >>> 16;
            int wy = (y >>> 8) & 0xFF;
            if (upperRow != top) {
                if (lowerRow == top) {
                    int[] t = upper;
                    upper = lower;
                    lower = t;
                    lowerRow = upperRow;
                } else {
                    horizontal(src, top * stride, s, upper);
                }
                upperRow = top;
            }
            if (wy == 0) {
                System.arraycopy(upper, 0, out, v * width, width);
                continue;
            }
            if (lowerRow != top + 1) {
                horizontal(src, (top + 1) * stride, s, lower);
                lowerRow = top + 1;
            }
            lerp(upper, lower, wy, blend, width);
            System.arraycopy(blend, 0, out, v * width, width);
        }
    }

    /** {@code line[u]} = the source row starting at {@code row}, interpolated at column {@code u}'s position. */
    private static void horizontal(int[] src, int row, Scratch s, int[] line) {
        final int n = s.width;
        final int[] column = s.column, left = s.left, right = s.right, weight = s.weight;
        // Gather first (scalar), then blend in a loop the JIT vectorises.
        for (int u = 0; u < n; u++) {
            int i = row + column[u];
            left[u] = src[i];
            right[u] = src[i + 1];
        }
        lerp(left, right, weight, line, n);
    }

    /** {@code out[u]} = blend of {@code p[u]} and {@code q[u]}, weight {@code w[u]}/256 on the latter ({@code out} may be {@code p}). */
    private static void lerp(int[] p, int[] q, int[] w, int[] out, int n) {
        for (int u = 0; u < n; u++) {
            int p0 = p[u];
            int p1 = q[u];
            int wu = w[u];
            int wl = 256 - wu;
            int rb = ((p0 & 0xFF00FF) * wl + (p1 & 0xFF00FF) * wu + 0x800080) >>> 8;
            int g = ((p0 & 0xFF00) * wl + (p1 & 0xFF00) * wu + 0x8000) >>> 8;
            out[u] = (rb & 0xFF00FF) | (g & 0xFF00);
        }
    }

    /** {@code out[u]} = blend of {@code upper[u]} and {@code lower[u]}, weight {@code w}/256 on the latter. */
    private static void lerp(int[] upper, int[] lower, int w, int[] out, int n) {
        int wt = 256 - w;
        for (int u = 0; u < n; u++) {
            int p0 = upper[u];
            int p1 = lower[u];
            int rb = ((p0 & 0xFF00FF) * wt + (p1 & 0xFF00FF) * w + 0x800080) >>> 8;
            int g = ((p0 & 0xFF00) * wt + (p1 & 0xFF00) * w + 0x8000) >>> 8;
            out[u] = (rb & 0xFF00FF) | (g & 0xFF00);
        }
    }

    private static void renderRotated(SourceImage source, double a, double b, double c, double d, double e, double f, int[] out, int width,
            int height, Scratch s) {
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
                rowInside(src, stride, (int) startX, (int) startY, stepX, stepY, s);
                System.arraycopy(s.blend, 0, out, o, width);
            } else {
                rowClamped(src, stride, startX, startY, stepX, stepY, maxX, maxY, out, o, width);
            }
        }
    }

    /**
     * One rotated row that lies wholly inside the source, into {@code s.blend}: the four neighbours of each sample are
     * gathered (scalar), then blended along x and then y by three simple loops that the JIT vectorises (one fused
     * loop is too complex for it).
     */
    private static void rowInside(int[] src, int stride, int fx, int fy, int stepX, int stepY, Scratch s) {
        final int n = s.width;
        final int[] p00 = s.left, p10 = s.right, p01 = s.upper, p11 = s.lower, wx = s.weight, wy = s.column;
        for (int u = 0; u < n; u++) {
            int i = (fy >> 16) * stride + (fx >> 16);
            p00[u] = src[i];
            p10[u] = src[i + 1];
            p01[u] = src[i + stride];
            p11[u] = src[i + stride + 1];
            wx[u] = (fx >>> 8) & 0xFF;
            wy[u] = (fy >>> 8) & 0xFF;
            fx += stepX;
            fy += stepY;
        }
        lerp(p00, p10, wx, p00, n);
        lerp(p01, p11, wx, p01, n);
        lerp(p00, p01, wy, s.blend, n);
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
