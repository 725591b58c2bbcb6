package dev.reelwright.media.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.model.Brand;
import dev.reelwright.core.model.CaptionStyle;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.core.timeline.CaptionCue;
import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionRendererTest {
    static final VideoFormat LANDSCAPE = new VideoFormat(1280, 720, 30);
    static final VideoFormat PORTRAIT = new VideoFormat(720, 1280, 30);

    static CaptionCue cue(double start, String... lines) {
        double t = start;
        List<List<WordTiming>> out = new java.util.ArrayList<>();
        for (String line : lines) {
            List<WordTiming> words = new java.util.ArrayList<>();
            for (String w : line.split(" ")) {
                words.add(new WordTiming(w, t, t + 0.2));
                t += 0.2;
            }
            out.add(words);
        }
        return new CaptionCue(start, t, out);
    }

    static void assertInsideSafeArea(CaptionRenderer.Overlay o, VideoFormat format) {
        Rectangle safe = CaptionRenderer.safeArea(format);
        assertThat(o.left()).isGreaterThanOrEqualTo(safe.x);
        assertThat(o.left() + o.width()).isLessThanOrEqualTo(safe.x + safe.width);
        assertThat(o.top() + o.height()).isEqualTo(safe.y + safe.height);
        assertThat(o.left() + o.width() / 2).isCloseTo(format.width() / 2, org.assertj.core.data.Offset.offset(1));
    }

    @Test
    void safeAreaLeavesTitleSafeMarginsAndMoreAtTheBottomInPortrait() {
        Rectangle landscape = CaptionRenderer.safeArea(LANDSCAPE);
        assertThat(landscape.x).isEqualTo(90); // 7% of 1280
        assertThat(720 - (landscape.y + landscape.height)).isEqualTo(72); // 10% of 720
        Rectangle portrait = CaptionRenderer.safeArea(PORTRAIT);
        assertThat(1280 - (portrait.y + portrait.height)).isEqualTo(282); // 22% of 1280
        assertThat(CaptionRenderer.baseFontSize(new VideoFormat(1920, 1080, 30))).isBetween(50f, 70f);
    }

    @Test
    void aShortCaptionSitsCentredAtTheBottomAtFullSize() {
        CaptionRenderer r = new CaptionRenderer(LANDSCAPE, Brand.DEFAULT, CaptionStyle.PLAIN, List.of(cue(1, "Short one")));
        CaptionRenderer.Overlay o = r.overlayAt(1.1);
        assertInsideSafeArea(o, LANDSCAPE);
        assertThat(o.height()).isGreaterThan((int) CaptionRenderer.baseFontSize(LANDSCAPE));
    }

    @Test
    void longLinesShrinkToStayInsideTheSafeArea() {
        String longLine = "this line is far too long to fit across a phone screen at the normal caption size";
        for (VideoFormat format : List.of(LANDSCAPE, PORTRAIT)) {
            CaptionRenderer r = new CaptionRenderer(format, Brand.DEFAULT, CaptionStyle.HIGHLIGHT, List.of(cue(0, longLine, "and a second line")));
            CaptionRenderer.Overlay o = r.overlayAt(0.1);
            assertInsideSafeArea(o, format);
            assertThat(o.width()).isLessThanOrEqualTo(CaptionRenderer.safeArea(format).width);
        }
    }

    @Test
    void onlyShownWhileACueIsOn() {
        CaptionRenderer r = new CaptionRenderer(LANDSCAPE, Brand.DEFAULT, CaptionStyle.PLAIN, List.of(cue(1, "a b"), cue(3, "c d")));
        assertThat(r.overlayAt(0.5)).isNull();
        assertThat(r.overlayAt(1.0)).isNotNull();
        assertThat(r.overlayAt(1.39)).isNotNull();
        assertThat(r.overlayAt(1.4)).isNull(); // end is exclusive
        assertThat(r.overlayAt(3.2)).isNotNull();
        assertThat(r.overlayAt(9)).isNull();
        int[] frame = new int[1280 * 720];
        java.util.Arrays.fill(frame, 0x808080);
        assertThat(r.draw(15, frame)).isFalse(); // 0.5 s
        assertThat(frame).containsOnly(0x808080);
        assertThat(r.draw(33, frame)).isTrue(); // 1.1 s
        assertThat(java.util.Arrays.stream(frame).filter(p -> p != 0x808080).count()).isGreaterThan(1000);
    }

    @Test
    void overlaysAreCachedPerCueAndSpokenWord() {
        CaptionRenderer r = new CaptionRenderer(LANDSCAPE, Brand.DEFAULT, CaptionStyle.HIGHLIGHT, List.of(cue(1, "one two three")));
        CaptionRenderer.Overlay first = r.overlayAt(1.05);
        assertThat(r.overlayAt(1.15)).isSameAs(first); // still "one"
        CaptionRenderer.Overlay second = r.overlayAt(1.25);
        assertThat(second).isNotSameAs(first);
        assertThat(r.overlayAt(1.3)).isSameAs(second);
        CaptionRenderer plain = new CaptionRenderer(LANDSCAPE, Brand.DEFAULT, CaptionStyle.PLAIN, List.of(cue(1, "one two three")));
        assertThat(plain.overlayAt(1.05)).isSameAs(plain.overlayAt(1.25));
    }

    @Test
    void highlightColoursOnlyTheSpokenWord() {
        Brand brand = new Brand(null, null, null, "#00FF00", null);
        CaptionRenderer highlight = new CaptionRenderer(LANDSCAPE, brand, CaptionStyle.HIGHLIGHT, List.of(cue(1, "one two three")));
        CaptionRenderer plain = new CaptionRenderer(LANDSCAPE, brand, CaptionStyle.PLAIN, List.of(cue(1, "one two three")));
        assertThat(greenPixels(highlight.overlayAt(1.25))).isGreaterThan(50);
        assertThat(greenPixels(plain.overlayAt(1.25))).isZero();
        // Between cues' words (none spoken) nothing is highlighted.
        CaptionCue gappy = new CaptionCue(1, 3, List.of(List.of(new WordTiming("a", 1, 1.2), new WordTiming("b", 2, 2.2))));
        CaptionRenderer r = new CaptionRenderer(LANDSCAPE, brand, CaptionStyle.HIGHLIGHT, List.of(gappy));
        assertThat(greenPixels(r.overlayAt(1.5))).isZero();
    }

    static long greenPixels(CaptionRenderer.Overlay o) {
        return java.util.Arrays.stream(o.argb()).filter(p -> (p >>> 24) > 200 && ((p >> 8) & 0xFF) > 200 && ((p >> 16) & 0xFF) < 60).count();
    }
}
