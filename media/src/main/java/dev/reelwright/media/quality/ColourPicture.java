package dev.reelwright.media.quality;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A picture reduced to what subject consistency compares: each pixel's hue and saturation, binned (15 hues of 24
 * degrees by 4 saturation bands, plus one bin for grey), with brightness left out so fades, pulses and exposure do
 * not count. Pixels too dark (or too dark and pale) to have a reliable hue are unknown and compared with nothing.
 *
 * <p>{@link #presence} marks, for every pixel, which bins occur within a radius of it, so "is this colour anywhere
 * near there" is one AND; each pixel carries the bins it {@linkplain #accepts accepts} as its own colour (its bin
 * and those within a hue and saturation slack, so compression and anti-aliasing at bin edges do not count either).
 */
final class ColourPicture {
    static final int GREY = 60;
    private static final int HUE_BIN = 12; // OpenCV's 8-bit hue runs 0..179: 15 bins
    private static final int HUES = 180 / HUE_BIN;
    private static final int[] SATURATION_EDGES = {40, 80, 120, 170};
    /** Darker than this (V, 0..255): no reliable hue. */
    private static final int DARK = 40;
    /** Pale pixels are grey only when bright enough that the paleness is not noise. */
    private static final int GREY_BRIGHT = 70;
    /** Coloured pixels need this much chroma (max - min of RGB), else their hue is noise. */
    private static final int MIN_CHROMA = 12;
    private static final int HUE_SLACK = 5;
    private static final int SATURATION_SLACK = 14;
    /** Pixels of a 3 x 3 neighbourhood (itself included) that must share a pixel's bin for it to be solid colour. */
    private static final int SOLID = 5;
    /** Bins of each (hue, saturation); its accepted bins. */
    private static final byte[] BIN = new byte[180 * 256];
    private static final long[] ACCEPT = new long[180 * 256];

    static {
        for (int h = 0; h < 180; h++) {
            for (int s = 0; s < 256; s++) {
                BIN[h * 256 + s] = (byte) bin(h, s);
                long accept = 0;
                for (int dh = -HUE_SLACK; dh <= HUE_SLACK; dh += HUE_SLACK) {
                    for (int ds = -SATURATION_SLACK; ds <= SATURATION_SLACK; ds += SATURATION_SLACK) {
                        accept |= 1L << bin(Math.floorMod(h + dh, 180), Math.max(0, Math.min(255, s + ds)));
                    }
                }
                ACCEPT[h * 256 + s] = accept;
            }
        }
    }

    final int width;
    final int height;
    /** Each pixel's bin, or -1 when unknown. */
    final byte[] bins;
    /** Each pixel's accepted bins (0 when unknown). */
    final long[] accepts;
    /** Bins within the radius of each pixel; filled by {@link #spread}. */
    final long[] presence;
    /** Scratch for {@link #windowDown}: runs of rows ORed together. */
    private final long[] columnTable;
    private final byte[] hsv;
    private final long[] line;
    private final long[] table;
    private final long[] spreadLine;
    private int known;

    ColourPicture(int width, int height) {
        this.width = width;
        this.height = height;
        int pixels = width * height;
        this.bins = new byte[pixels];
        this.accepts = new long[pixels];
        this.presence = new long[pixels];
        this.columnTable = new long[pixels];
        this.hsv = new byte[pixels * 3];
        int longest = Math.max(width, height);
        this.line = new long[longest];
        this.table = new long[longest];
        this.spreadLine = new long[longest];
    }

    private static int bin(int h, int s) {
        if (s < SATURATION_EDGES[0]) return GREY;
        int band = SATURATION_EDGES.length - 1;
        while (s < SATURATION_EDGES[band]) band--;
        return (h / HUE_BIN) % HUES * SATURATION_EDGES.length + band;
    }

    /** Reads a BGR picture of this size. */
    ColourPicture read(Mat bgr, Mat scratch) {
        cvtColor(bgr, scratch, COLOR_BGR2HSV);
        scratch.data().get(hsv);
        known = 0;
        for (int i = 0, p = 0; i < bins.length; i++, p += 3) {
            int h = hsv[p] & 0xFF, s = hsv[p + 1] & 0xFF, v = hsv[p + 2] & 0xFF;
            boolean pale = s < SATURATION_EDGES[0];
            if (v < DARK || (pale ? v < GREY_BRIGHT : s * v < MIN_CHROMA * 255)) {
                bins[i] = -1;
                accepts[i] = 0;
                continue;
            }
            int k = h * 256 + s;
            bins[i] = BIN[k];
            accepts[i] = ACCEPT[k];
            known++;
        }
        return this;
    }

    /** Share of the pixels with a known colour. */
    double knownShare() {
        return known / (double) bins.length;
    }

    /**
     * Fills {@link #presence}: the bins found within {@code radius} pixels (a square) of each pixel. Only solid
     * colour counts, a pixel whose bin at least {@link #SOLID} of its 3 x 3 neighbourhood share: the blends that
     * anti-aliasing and compression leave along every edge are a pixel wide and would otherwise supply almost any
     * colour somewhere near.
     */
    void spread(int radius) {
        for (int y = 0; y < height; y++) {
            boolean innerRow = y > 0 && y < height - 1;
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                byte bin = bins[i];
                boolean solid = bin >= 0 && (innerRow && x > 0 && x < width - 1 ? solidInside(i, bin) : solid(x, y, bin));
                presence[i] = solid ? 1L << bin : 0;
            }
        }
        for (int y = 0; y < height; y++) {
            int row = y * width;
            System.arraycopy(presence, row, line, 0, width);
            window(line, width, radius, spreadLine);
            System.arraycopy(spreadLine, 0, presence, row, width);
        }
        windowDown(radius);
    }

    /** {@link #solid} for a pixel with all eight neighbours inside the picture. */
    private boolean solidInside(int i, byte bin) {
        int above = i - width, below = i + width;
        int same = (bins[above - 1] == bin ? 1 : 0) + (bins[above] == bin ? 1 : 0) + (bins[above + 1] == bin ? 1 : 0)
                + (bins[i - 1] == bin ? 1 : 0) + 1 + (bins[i + 1] == bin ? 1 : 0)
                + (bins[below - 1] == bin ? 1 : 0) + (bins[below] == bin ? 1 : 0) + (bins[below + 1] == bin ? 1 : 0);
        return same >= SOLID;
    }

    /**
     * {@link #window} down every column of {@link #presence} at once, whole rows at a time: the same doubling runs,
     * but each step ORs one contiguous row into another instead of walking a column across the picture.
     */
    private void windowDown(int radius) {
        System.arraycopy(presence, 0, columnTable, 0, presence.length);
        int span = 1;
        while (span * 2 <= 2 * radius + 1) {
            for (int y = 0; y + span < height; y++) {
                int to = y * width, from = (y + span) * width;
                for (int x = 0; x < width; x++) columnTable[to + x] |= columnTable[from + x];
            }
            span *= 2;
        }
        for (int y = 0; y < height; y++) {
            int lo = Math.max(0, y - radius), hi = Math.min(height - 1, y + radius);
            int a = lo * width, b = Math.max(lo, hi - span + 1) * width, out = y * width;
            for (int x = 0; x < width; x++) presence[out + x] = columnTable[a + x] | columnTable[b + x];
        }
    }

    private boolean solid(int x, int y, byte bin) {
        int same = 0;
        for (int dy = -1; dy <= 1; dy++) {
            int yy = y + dy;
            if (yy < 0 || yy >= height) continue;
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                if (xx >= 0 && xx < width && bins[yy * width + xx] == bin) same++;
            }
        }
        return same >= SOLID;
    }

    /** The bins that cover at least {@code share} of the known pixels: the colours the picture holds anywhere. */
    long colours(double share) {
        return colours(share, 0, 0, 0, 0);
    }

    /**
     * The bins that cover at least {@code share} of the known pixels outside the box from ({@code x0}, {@code y0})
     * to ({@code x1}, {@code y1}) exclusive (an empty box: the whole picture).
     */
    long colours(double share, int x0, int y0, int x1, int y1) {
        int[] counts = new int[GREY + 1];
        int total = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                byte b = bins[y * width + x];
                if (b < 0 || (x >= x0 && x < x1 && y >= y0 && y < y1)) continue;
                counts[b]++;
                total++;
            }
        }
        long colours = 0;
        int least = Math.max(1, (int) Math.ceil(share * total));
        for (int b = 0; b <= GREY; b++) if (counts[b] >= least) colours |= 1L << b;
        return colours;
    }

    /**
     * OR over a sliding window of {@code 2 * radius + 1}, clamped at the ends, in O(n log radius): {@code table}
     * holds the OR of runs of doubling length, and two overlapping runs cover each window.
     */
    private void window(long[] values, int n, int radius, long[] out) {
        System.arraycopy(values, 0, table, 0, n);
        int span = 1;
        while (span * 2 <= 2 * radius + 1) {
            for (int i = 0; i + span < n; i++) table[i] |= table[i + span];
            span *= 2;
        }
        for (int i = 0; i < n; i++) {
            int lo = Math.max(0, i - radius), hi = Math.min(n - 1, i + radius);
            out[i] = table[lo] | table[Math.max(lo, hi - span + 1)];
        }
    }

    /**
     * Marks in {@code mask} (255) the pixels of {@code from} whose colour is nowhere near where {@code map} puts them
     * in {@code to} ({@code to.presence} must be filled). Pixels that land outside {@code to}, or on a pixel of
     * {@code to} whose colour is unknown, are not compared. Returns how many pixels were compared.
     */
    static int novel(ColourPicture from, ColourPicture to, CameraMotion map, byte[] mask) {
        int compared = 0, w = from.width, h = from.height;
        java.util.Arrays.fill(mask, (byte) 0);
        for (int y = 0; y < h; y++) {
            // x' = a x - b y + tx, y' = b x + a y + ty, stepped along the row
            double u = -map.b() * y + map.tx(), v = map.a() * y + map.ty();
            for (int x = 0; x < w; x++, u += map.a(), v += map.b()) {
                int i = y * w + x;
                long accepts = from.accepts[i];
                if (accepts == 0) continue;
                int tx = (int) Math.round(u), ty = (int) Math.round(v);
                if (tx < 0 || ty < 0 || tx >= to.width || ty >= to.height) continue;
                int j = ty * to.width + tx;
                if (to.bins[j] < 0) continue;
                compared++;
                if ((accepts & to.presence[j]) == 0) mask[i] = (byte) 255;
            }
        }
        return compared;
    }
}
