package dev.reelwright.local.keyframe;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** The picture being painted: one RGB image whose pixels the painters also touch directly. */
final class Canvas {
    final int width;
    final int height;
    final BufferedImage image;
    final int[] px;

    Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    Graphics2D graphics() {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setStroke(new BasicStroke(1f));
        return g;
    }

    /** Blends {@code colour} over pixel (x, y) with opacity {@code a}; out-of-frame pixels are ignored. */
    void blend(int x, int y, int colour, float a) {
        if (x < 0 || y < 0 || x >= width || y >= height || a <= 0) return;
        int i = y * width + x;
        px[i] = a >= 1 ? colour : Rgb.mix(px[i], colour, a);
    }

    /** Adds light of {@code colour} times {@code a} to pixel (x, y). */
    void addLight(int x, int y, int colour, float a) {
        if (x < 0 || y < 0 || x >= width || y >= height || a <= 0) return;
        int i = y * width + x;
        px[i] = Rgb.add(px[i], colour, a);
    }

    /** A soft round glow of additive light, falling off as 1 / (1 + (d / radius)^2), cut at {@code reach} radii. */
    void glow(float cx, float cy, float radius, int colour, float strength, float reach) {
        int r = (int) Math.ceil(radius * reach);
        int x0 = Math.max(0, (int) cx - r);
        int x1 = Math.min(width - 1, (int) cx + r);
        int y0 = Math.max(0, (int) cy - r);
        int y1 = Math.min(height - 1, (int) cy + r);
        float inv = 1 / (radius * radius);
        float cut = 1 / (1 + reach * reach);
        float cr = Rgb.r(colour), cg = Rgb.g(colour), cb = Rgb.b(colour);
        for (int y = y0; y <= y1; y++) {
            float dy = y + 0.5f - cy;
            int row = y * width;
            for (int x = x0; x <= x1; x++) {
                float dx = x + 0.5f - cx;
                float f = 1 / (1 + (dx * dx + dy * dy) * inv) - cut;
                if (f <= 0) continue;
                f *= strength;
                int p = px[row + x];
                int nr = ((p >>> 16) & 0xFF) + (int) (cr * f);
                int ng = ((p >>> 8) & 0xFF) + (int) (cg * f);
                int nb = (p & 0xFF) + (int) (cb * f);
                px[row + x] = (Math.min(255, nr) << 16) | (Math.min(255, ng) << 8) | Math.min(255, nb);
            }
        }
    }
}
