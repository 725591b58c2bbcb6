package dev.reelwright.local.motion;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Decoded source pixels, 0xRRGGBB, with one extra column and row repeating the last ones so the bilinear sampler can
 * always read the right and lower neighbours without a bounds test. Read-only once built; safe to share between threads.
 */
final class SourceImage {
    final int width;
    final int height;
    /** Row stride: {@code width + 1}. */
    final int stride;
    final int[] pixels;

    private SourceImage(int width, int height, int[] pixels) {
        this.width = width;
        this.height = height;
        this.stride = width + 1;
        this.pixels = pixels;
    }

    static SourceImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        SourceImage direct = fromBgrBytes(image);
        if (direct != null) return direct;
        int[] rgb;
        if (image.getType() == BufferedImage.TYPE_INT_RGB && image.getRaster().getDataBuffer() instanceof DataBufferInt data
                && data.getNumBanks() == 1 && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0 && data.getData().length == w * h) {
            rgb = data.getData();
        } else {
            rgb = image.getRGB(0, 0, w, h, null, 0, w);
        }
        return of(w, h, rgb);
    }

    /**
     * What PNG and JPEG decoding usually gives, 8-bit sRGB as B, G, R bytes, read straight from the raster (the same
     * values {@code getRGB} would give, without its per-pixel colour model calls); null for any other layout.
     */
    private static SourceImage fromBgrBytes(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR || !image.getColorModel().getColorSpace().isCS_sRGB()) return null;
        WritableRaster raster = image.getRaster();
        if (!(raster.getDataBuffer() instanceof DataBufferByte data) || data.getNumBanks() != 1
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel model)) {
            return null;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] offsets = model.getBandOffsets();
        if (model.getPixelStride() != 3 || offsets.length != 3 || offsets[0] != 2 || offsets[1] != 1 || offsets[2] != 0) return null;
        int scanline = model.getScanlineStride();
        int origin = data.getOffset() - raster.getSampleModelTranslateY() * scanline - raster.getSampleModelTranslateX() * 3;
        byte[] bytes = data.getData();
        if (origin < 0 || (long) origin + (long) (h - 1) * scanline + 3L * w > bytes.length) return null;
        int stride = w + 1;
        int[] padded = new int[stride * (h + 1)];
        for (int y = 0; y < h; y++) {
            int from = origin + y * scanline;
            int to = y * stride;
            for (int x = 0; x < w; x++, from += 3) {
                padded[to + x] = (bytes[from + 2] & 0xFF) << 16 | (bytes[from + 1] & 0xFF) << 8 | (bytes[from] & 0xFF);
            }
            padded[to + w] = padded[to + w - 1];
        }
        System.arraycopy(padded, (h - 1) * stride, padded, h * stride, stride);
        return new SourceImage(w, h, padded);
    }

    /** From packed rows of {@code w * h} pixels (alpha, if any, is dropped). */
    static SourceImage of(int w, int h, int[] rgb) {
        int stride = w + 1;
        int[] padded = new int[stride * (h + 1)];
        for (int y = 0; y < h; y++) {
            int from = y * w;
            int to = y * stride;
            for (int x = 0; x < w; x++) padded[to + x] = rgb[from + x] & 0xFFFFFF;
            padded[to + w] = padded[to + w - 1];
        }
        System.arraycopy(padded, (h - 1) * stride, padded, h * stride, stride);
        return new SourceImage(w, h, padded);
    }

    /** Box-filtered down by an integer factor, for sources much larger than the frames drawn from them. */
    SourceImage shrink(int factor) {
        if (factor <= 1) return this;
        int w = Math.max(1, width / factor);
        int h = Math.max(1, height / factor);
        int[] out = new int[w * h];
        int n = factor * factor;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0, g = 0, b = 0;
                for (int j = 0; j < factor; j++) {
                    int row = (y * factor + j) * stride + x * factor;
                    for (int i = 0; i < factor; i++) {
                        int p = pixels[row + i];
                        r += (p >>> 16) & 0xFF;
                        g += (p >>> 8) & 0xFF;
                        b += p & 0xFF;
                    }
                }
                out[y * w + x] = ((r + n / 2) / n) << 16 | ((g + n / 2) / n) << 8 | ((b + n / 2) / n);
            }
        }
        return of(w, h, out);
    }
}
