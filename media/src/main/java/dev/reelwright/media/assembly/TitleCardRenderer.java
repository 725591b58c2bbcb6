package dev.reelwright.media.assembly;

import dev.reelwright.core.model.Brand;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.timeline.Timeline.CardSegment;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Draws a card (the title card): the brand's primary colour as a soft vertical gradient with a faint glow of the
 * accent colour, the title large and centred (up to two lines, sized down until it fits), a short accent rule, and
 * the subtitle smaller beneath it, all in the brand's text colour. Drawn once per card; every frame reuses it.
 */
final class TitleCardRenderer {
    private final VideoFormat format;
    private final Brand brand;

    TitleCardRenderer(VideoFormat format, Brand brand) {
        this.format = format;
        this.brand = brand;
    }

    /** The card as 0xRRGGBB pixels. */
    int[] render(CardSegment card) {
        int w = format.width(), h = format.height();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Graphics.open(image);
        try {
            paint(g, card, w, h);
        } finally {
            g.dispose();
        }
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    private void paint(Graphics2D g, CardSegment card, int w, int h) {
        int primary = Brand.rgb(brand.primaryColor()), accent = Brand.rgb(brand.accentColor()), text = Brand.rgb(brand.textColor());
        double shortSide = Math.min(w, h);

        g.setPaint(new GradientPaint(0, 0, Graphics.color(Graphics.shade(primary, 0.07), 1), 0, h, Graphics.color(Graphics.shade(primary, -0.18), 1)));
        g.fillRect(0, 0, w, h);
        // A faint accent glow rising from the lower left corner.
        float radius = (float) (Math.max(w, h) * 0.75);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(w * 0.12, h * 1.05), radius, new float[] {0f, 1f},
                new java.awt.Color[] {Graphics.color(accent, 0.20), Graphics.color(accent, 0)}, MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fillRect(0, 0, w, h);

        String title = card.title() == null ? "" : card.title().strip();
        String subtitle = card.subtitle() == null ? "" : card.subtitle().strip();
        Font bold = Graphics.sans(Font.BOLD), plain = Graphics.sans(Font.PLAIN);
        TextFit.Fitted titleFit = title.isEmpty() ? null
                : TextFit.wrap(g, title, bold, (float) (shortSide * 0.10), (float) (shortSide * 0.045), w * 0.84, 2);
        float subSize = (float) Math.min(shortSide * 0.046, titleFit == null ? shortSide * 0.05 : titleFit.font().getSize2D() * 0.5);
        TextFit.Fitted subFit = subtitle.isEmpty() ? null
                : TextFit.wrap(g, subtitle, plain, subSize, (float) (shortSide * 0.024), w * 0.80, 2);

        double ruleHeight = Math.max(2, Math.round(shortSide * 0.008));
        double ruleWidth = Math.max(ruleHeight * 4, Math.min(w * 0.14, titleFit == null ? w * 0.14 : titleFit.widest() * 0.5));
        double gap = titleFit == null ? 0 : titleFit.font().getSize2D() * 0.32;
        double titleBlock = blockHeight(titleFit, 1.08);
        double subBlock = blockHeight(subFit, 1.2);
        double total = titleBlock + (titleFit != null ? gap + ruleHeight + gap : 0) + subBlock;
        double y = (h - total) / 2;

        if (titleFit != null) {
            y = drawLines(g, titleFit, 1.08, y, w, Graphics.color(text, 1), true);
            y += gap;
            g.setColor(Graphics.color(accent, 1));
            g.fill(new RoundRectangle2D.Double((w - ruleWidth) / 2, y, ruleWidth, ruleHeight, ruleHeight, ruleHeight));
            y += ruleHeight + gap;
        }
        if (subFit != null) drawLines(g, subFit, 1.2, y, w, Graphics.color(text, 0.82), false);
    }

    private static double blockHeight(TextFit.Fitted fit, double spacing) {
        if (fit == null) return 0;
        double line = fit.metrics().getAscent() + fit.metrics().getDescent();
        return line + (fit.lines().size() - 1) * fit.font().getSize2D() * spacing;
    }

    /** Draws centred lines from {@code top}; returns the bottom of the block. */
    private static double drawLines(Graphics2D g, TextFit.Fitted fit, double spacing, double top, int width, java.awt.Color color, boolean shadow) {
        g.setFont(fit.font());
        double ascent = fit.metrics().getAscent();
        double baseline = top + ascent;
        for (String line : fit.lines()) {
            float x = (float) ((width - fit.metrics().stringWidth(line)) / 2.0);
            if (shadow) {
                g.setColor(new java.awt.Color(0, 0, 0, 60));
                float off = Math.max(1f, fit.font().getSize2D() * 0.03f);
                g.drawString(line, x + off, (float) baseline + off);
            }
            g.setColor(color);
            g.drawString(line, x, (float) baseline);
            baseline += fit.font().getSize2D() * spacing;
        }
        return baseline - fit.font().getSize2D() * spacing + fit.metrics().getDescent();
    }
}
