package dev.reelwright.media.assembly;

import dev.reelwright.core.error.ReelwrightException;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Java2D set-up shared by the card and caption renderers. */
final class Graphics {
    private Graphics() {}

    static Graphics2D open(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        return g;
    }

    /** The sans-serif face all on-screen text uses. */
    static Font sans(int style) {
        try {
            Font font = new Font(Font.SANS_SERIF, style, 12);
            font.getFamily(); // forces font lookup
            return font;
        } catch (Throwable e) {
            throw new ReelwrightException("no usable font for titles and captions (install a font package such as fonts-dejavu): " + e.getMessage(), e);
        }
    }

    static Color color(int rgb, double alpha) {
        return new Color((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, (int) Math.round(Math.max(0, Math.min(1, alpha)) * 255));
    }

    /** Mixes {@code rgb} towards white (positive) or black (negative) by {@code amount} (0..1). */
    static int shade(int rgb, double amount) {
        int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
        int target = amount >= 0 ? 255 : 0;
        double t = Math.min(1, Math.abs(amount));
        r = (int) Math.round(r + (target - r) * t);
        g = (int) Math.round(g + (target - g) * t);
        b = (int) Math.round(b + (target - b) * t);
        return r << 16 | g << 8 | b;
    }
}
