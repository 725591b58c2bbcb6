package dev.reelwright.media.assembly;

import dev.reelwright.core.model.Brand;
import dev.reelwright.core.model.CaptionStyle;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.core.timeline.CaptionCue;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Burns captions in: the cue on screen at a frame's time, its one or two lines centred at the bottom of the
 * title-safe area (10% of the height up, 7% in from the sides; 22% up in portrait, clear of phone UI) in bold white
 * on a translucent rounded box, sized from the frame's short side and shrunk if a line would leave the safe area.
 * With {@link CaptionStyle#HIGHLIGHT} the word being spoken is drawn in the brand's accent colour.
 *
 * <p>Text is laid out once per cue and an overlay rendered once per (cue, highlighted word); frames only blend it.
 */
final class CaptionRenderer {
    static final double SIDE_MARGIN = 0.07;
    static final double BOTTOM_MARGIN = 0.10;
    static final double PORTRAIT_BOTTOM_MARGIN = 0.22;
    static final double BOX_ALPHA = 0.62;

    private final VideoFormat format;
    private final CaptionStyle style;
    private final int accent;
    private final List<CaptionCue> cues;
    private final Font font;
    private final Rectangle safe;
    private int cachedCue = -1;
    private Layout layout;
    private final Map<Integer, Overlay> overlays = new HashMap<>();
    /** Work rows for blending, as wide as the frame (no caption is wider). */
    private final int[] ink;
    private final int[] under;

    /** A rendered caption: premultiplied ARGB pixels and where they go. */
    record Overlay(int[] argb, int width, int height, int left, int top) {}

    private record Layout(Font font, List<List<Word>> lines, int boxWidth, int boxHeight, float ascent, float lineAdvance, float padY) {}

    private record Word(String text, int index, float x) {}

    CaptionRenderer(VideoFormat format, Brand brand, CaptionStyle style, List<CaptionCue> cues) {
        this.format = format;
        this.style = style == null ? CaptionStyle.PLAIN : style;
        this.accent = Brand.rgb(brand.accentColor());
        this.cues = cues.stream().sorted(Comparator.comparingDouble(CaptionCue::start)).toList();
        this.font = cues.isEmpty() ? null : Graphics.sans(Font.BOLD);
        this.safe = safeArea(format);
        this.ink = new int[format.width()];
        this.under = new int[format.width()];
    }

    /** The title-safe rectangle captions stay inside. */
    static Rectangle safeArea(VideoFormat format) {
        int w = format.width(), h = format.height();
        int side = (int) Math.round(w * SIDE_MARGIN);
        int bottom = (int) Math.round(h * (h > w ? PORTRAIT_BOTTOM_MARGIN : BOTTOM_MARGIN));
        int top = (int) Math.round(h * 0.10);
        return new Rectangle(side, top, w - 2 * side, h - bottom - top);
    }

    /** Caption font size in pixels before any shrinking. */
    static float baseFontSize(VideoFormat format) {
        int shortSide = Math.min(format.width(), format.height());
        return (float) (shortSide * (format.height() > format.width() ? 0.062 : 0.055));
    }

    boolean isEmpty() {
        return cues.isEmpty();
    }

    /** Draws the caption for {@code frame} onto {@code rgb}, if one is on screen; returns whether one was. */
    boolean draw(int frame, int[] rgb) {
        Overlay overlay = overlayAt(frame / (double) format.fps());
        if (overlay == null) return false;
        int[] a = ink, b = under;
        if (overlay.width() > a.length) {
            a = new int[overlay.width()];
            b = new int[overlay.width()];
        }
        Pixels.over(overlay.argb(), overlay.width(), overlay.height(), overlay.left(), overlay.top(), rgb, format.width(), format.height(), a, b);
        return true;
    }

    /** The overlay shown at {@code seconds}, or null. */
    Overlay overlayAt(double seconds) {
        int cue = cueAt(seconds);
        if (cue < 0) return null;
        if (cue != cachedCue) {
            cachedCue = cue;
            overlays.clear();
            layout = layout(cues.get(cue));
        }
        int highlight = style == CaptionStyle.HIGHLIGHT ? spokenWord(cues.get(cue), seconds) : -1;
        return overlays.computeIfAbsent(highlight, h -> render(layout, h));
    }

    private int cueAt(double t) {
        int lo = 0, hi = cues.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cues.get(mid).start() <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        // The latest cue that has started; an earlier one may still be showing if they overlap.
        for (int i = found; i >= 0 && i >= found - 2; i--) {
            if (t < cues.get(i).end()) return i;
        }
        return -1;
    }

    private static int spokenWord(CaptionCue cue, double t) {
        List<WordTiming> words = cue.words();
        for (int i = 0; i < words.size(); i++) {
            WordTiming w = words.get(i);
            if (w.start() <= t && t < w.end()) return i;
        }
        return -1;
    }

    private Layout layout(CaptionCue cue) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = Graphics.open(scratch);
        try {
            float size = baseFontSize(format);
            // Padding grows with the font, so fit the text to the safe width less the padding at this size.
            TextFit.Fitted fit = TextFit.lines(g, cue.textLines(), font, size, safe.width - 2 * padX(size));
            for (int i = 0; i < 4 && fit.widest() + 2 * padX(fit.font().getSize2D()) > safe.width; i++) {
                fit = TextFit.lines(g, cue.textLines(), font, fit.font().getSize2D(), safe.width - 2 * padX(fit.font().getSize2D()));
            }
            Font f = fit.font();
            java.awt.FontMetrics fm = fit.metrics();
            float space = fm.stringWidth(" ");
            float padX = padX(f.getSize2D()), padY = f.getSize2D() * 0.26f;
            float lineAdvance = f.getSize2D() * 1.18f;
            int boxWidth = (int) Math.ceil(Math.min(safe.width, fit.widest() + 2 * padX));
            List<List<Word>> lines = new ArrayList<>();
            int index = 0;
            for (List<WordTiming> line : cue.lines()) {
                float lineWidth = fm.stringWidth(String.join(" ", line.stream().map(WordTiming::word).toList()));
                float x = (boxWidth - lineWidth) / 2f;
                List<Word> words = new ArrayList<>();
                for (WordTiming w : line) {
                    words.add(new Word(w.word(), index++, x));
                    x += fm.stringWidth(w.word()) + space;
                }
                lines.add(words);
            }
            float textHeight = fm.getAscent() + fm.getDescent() + (lines.size() - 1) * lineAdvance;
            int boxHeight = (int) Math.ceil(textHeight + 2 * padY);
            return new Layout(f, lines, boxWidth, boxHeight, fm.getAscent(), lineAdvance, padY);
        } finally {
            g.dispose();
        }
    }

    private static float padX(float size) {
        return size * 0.5f;
    }

    private Overlay render(Layout l, int highlight) {
        BufferedImage image = new BufferedImage(l.boxWidth(), l.boxHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = Graphics.open(image);
        try {
            float radius = l.font().getSize2D() * 0.7f;
            g.setColor(new Color(0, 0, 0, (int) Math.round(BOX_ALPHA * 255)));
            g.fill(new RoundRectangle2D.Float(0, 0, l.boxWidth(), l.boxHeight(), radius, radius));
            g.setFont(l.font());
            Color white = Color.WHITE, highlighted = Graphics.color(accent, 1);
            float baseline = l.padY() + l.ascent();
            for (List<Word> line : l.lines()) {
                for (Word w : line) {
                    g.setColor(w.index() == highlight ? highlighted : white);
                    g.drawString(w.text(), w.x(), baseline);
                }
                baseline += l.lineAdvance();
            }
        } finally {
            g.dispose();
        }
        int left = (format.width() - l.boxWidth()) / 2;
        int top = safe.y + safe.height - l.boxHeight();
        return new Overlay(((DataBufferInt) image.getRaster().getDataBuffer()).getData(), l.boxWidth(), l.boxHeight(), left, top);
    }
}
