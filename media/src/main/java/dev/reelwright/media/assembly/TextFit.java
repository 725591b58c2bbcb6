package dev.reelwright.media.assembly;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/** Chooses a font size (and, for free text, a line break) so text fits a width. */
final class TextFit {
    private TextFit() {}

    record Fitted(Font font, List<String> lines, FontMetrics metrics) {
        int widest() {
            int max = 0;
            for (String line : lines) max = Math.max(max, metrics.stringWidth(line));
            return max;
        }
    }

    /**
     * Free text in at most {@code maxLines} (1 or 2) lines no wider than {@code maxWidth}: the largest size from
     * {@code size} down that fits, breaking into two balanced lines only when one does not fit. Below
     * {@code minSize} the text is shrunk exactly to fit rather than allowed to overflow.
     */
    static Fitted wrap(Graphics2D g, String text, Font base, float size, float minSize, double maxWidth, int maxLines) {
        String clean = text.strip().replaceAll("\\s+", " ");
        for (float s = size; s >= minSize; s *= 0.93f) {
            Fitted f = layout(g, clean, base.deriveFont(s), maxWidth, maxLines);
            if (f.widest() <= maxWidth) return f;
        }
        Fitted f = layout(g, clean, base.deriveFont(minSize), maxWidth, maxLines);
        return shrinkToFit(g, f, maxWidth);
    }

    /** Given lines, the largest size from {@code size} down at which every line fits (no re-wrapping). */
    static Fitted lines(Graphics2D g, List<String> lines, Font base, float size, double maxWidth) {
        Fitted f = new Fitted(base.deriveFont(size), lines, g.getFontMetrics(base.deriveFont(size)));
        return shrinkToFit(g, f, maxWidth);
    }

    private static Fitted shrinkToFit(Graphics2D g, Fitted f, double maxWidth) {
        for (int i = 0; i < 8 && f.widest() > maxWidth; i++) {
            float s = (float) (f.font().getSize2D() * maxWidth / f.widest() * 0.99);
            Font font = f.font().deriveFont(Math.max(1f, s));
            f = new Fitted(font, f.lines(), g.getFontMetrics(font));
        }
        return f;
    }

    private static Fitted layout(Graphics2D g, String text, Font font, double maxWidth, int maxLines) {
        FontMetrics fm = g.getFontMetrics(font);
        if (maxLines < 2 || fm.stringWidth(text) <= maxWidth) return new Fitted(font, List.of(text), fm);
        String[] words = text.split(" ");
        if (words.length < 2) return new Fitted(font, List.of(text), fm);
        int bestSplit = 1;
        int bestWidth = Integer.MAX_VALUE;
        for (int split = 1; split < words.length; split++) {
            int w = Math.max(fm.stringWidth(join(words, 0, split)), fm.stringWidth(join(words, split, words.length)));
            if (w < bestWidth) {
                bestWidth = w;
                bestSplit = split;
            }
        }
        List<String> lines = new ArrayList<>(2);
        lines.add(join(words, 0, bestSplit));
        lines.add(join(words, bestSplit, words.length));
        return new Fitted(font, lines, fm);
    }

    private static String join(String[] words, int from, int to) {
        return String.join(" ", java.util.Arrays.asList(words).subList(from, to));
    }
}
