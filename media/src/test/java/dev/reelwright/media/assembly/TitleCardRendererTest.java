package dev.reelwright.media.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.model.Brand;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.timeline.Timeline.CardSegment;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TitleCardRendererTest {
    static final Brand BRAND = new Brand(null, null, "#203040", "#FF8800", "#FFFFFF");

    @Test
    void wrapsLongTitlesToTwoLinesThatFit() {
        Graphics2D g = Graphics.open(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        Font bold = Graphics.sans(Font.BOLD);
        TextFit.Fitted shortTitle = TextFit.wrap(g, "Tides", bold, 100, 40, 1000, 2);
        assertThat(shortTitle.lines()).containsExactly("Tides");
        assertThat(shortTitle.font().getSize2D()).isEqualTo(100f);
        TextFit.Fitted longTitle = TextFit.wrap(g, "Why the Moon pulls the oceans and the Sun helps it twice a month", bold, 100, 40, 1000, 2);
        assertThat(longTitle.lines()).hasSize(2);
        assertThat(longTitle.widest()).isLessThanOrEqualTo(1000);
        TextFit.Fitted word = TextFit.wrap(g, "Pneumonoultramicroscopicsilicovolcanoconiosis", bold, 100, 40, 300, 2);
        assertThat(word.widest()).isLessThanOrEqualTo(300);
        g.dispose();
    }

    @Test
    void drawsTextCentredOverTheBrandColourWithoutTouchingTheEdges() {
        VideoFormat format = new VideoFormat(960, 540, 30);
        int[] card = new TitleCardRenderer(format, BRAND).render(new CardSegment(
                "An extraordinarily long title that would never fit on one line of a title card", "With a subtitle that is also rather long for its place", 0, 30));
        int white = 0, nearEdges = 0;
        for (int y = 0; y < 540; y++) {
            for (int x = 0; x < 960; x++) {
                int p = card[y * 960 + x];
                boolean bright = ((p >> 16) & 0xFF) > 200 && ((p >> 8) & 0xFF) > 200 && (p & 0xFF) > 200;
                if (bright) white++;
                if (bright && (x < 960 * 0.05 || x > 960 * 0.95)) nearEdges++;
            }
        }
        assertThat(white).as("title text").isGreaterThan(3000);
        assertThat(nearEdges).as("text inside the side margins").isZero();
        // The background is the primary colour, a little lighter at the top and darker at the bottom.
        int top = card[960 * 5 + 480], bottom = card[960 * 534 + 900];
        assertThat(brightness(top)).isGreaterThan(brightness(bottom));
        assertThat(Math.abs(((top >> 16) & 0xFF) - 0x20)).isLessThan(30);
        // There is an accent rule: orange pixels in the middle of the card.
        long orange = java.util.Arrays.stream(card).filter(p -> ((p >> 16) & 0xFF) > 220 && ((p >> 8) & 0xFF) > 110 && ((p >> 8) & 0xFF) < 160 && (p & 0xFF) < 40).count();
        assertThat(orange).isGreaterThan(100);
    }

    @Test
    void aCardWithoutSubtitleOrTitleStillRenders() {
        VideoFormat format = new VideoFormat(320, 180, 30);
        assertThat(new TitleCardRenderer(format, Brand.DEFAULT).render(new CardSegment("Only a title", null, 0, 10))).hasSize(320 * 180);
        assertThat(new TitleCardRenderer(format, Brand.DEFAULT).render(new CardSegment("", "", 0, 10))).hasSize(320 * 180);
    }

    static int brightness(int p) {
        return ((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF);
    }
}
