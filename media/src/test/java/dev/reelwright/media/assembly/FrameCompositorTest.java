package dev.reelwright.media.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.model.Brand;
import dev.reelwright.core.model.CaptionStyle;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.spi.ClipDecoder;
import dev.reelwright.core.spi.FrameSource;
import dev.reelwright.core.timeline.Timeline;
import dev.reelwright.core.timeline.Timeline.ClipSegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCompositorTest {
    static final VideoFormat FORMAT = new VideoFormat(16, 8, 30);

    /** Clip "c<N>.idx": every pixel of frame i is N * 0x10000 + i; records reads and open clips. */
    static final class IndexDecoder implements ClipDecoder {
        final List<String> reads = new ArrayList<>();
        int open;
        int maxOpen;

        @Override
        public boolean accepts(Path clip) {
            return clip.toString().endsWith(".idx");
        }

        @Override
        public FrameSource open(Path clip, VideoFormat format) {
            int id = Integer.parseInt(clip.getFileName().toString().replaceAll("\\D", ""));
            open++;
            maxOpen = Math.max(maxOpen, open);
            return new FrameSource() {
                int last = -1;

                @Override
                public int frameCount() {
                    return 1000;
                }

                @Override
                public void read(int index, int[] rgb) {
                    assertThat(index).as("sequential").isGreaterThan(last);
                    last = index;
                    reads.add("c" + id + ":" + index);
                    java.util.Arrays.fill(rgb, id << 16 | index);
                }

                @Override
                public void close() {
                    open--;
                }
            };
        }
    }

    static Timeline timeline(int fade, int... lengths) {
        List<Timeline.Segment> segments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < lengths.length; i++) {
            segments.add(new ClipSegment("s" + i, Path.of("c" + (i + 1) + ".idx"), start, lengths[i]));
            start += lengths[i];
        }
        return new Timeline(FORMAT, segments, fade, List.of(), null, 0, List.of(), CaptionStyle.PLAIN, Brand.DEFAULT, 0);
    }

    @Test
    void crossfadesTheOutgoingTailOverTheIncomingHead() {
        IndexDecoder decoder = new IndexDecoder();
        Timeline t = timeline(3, 10, 10, 10);
        int[] out = new int[FORMAT.width() * FORMAT.height()];
        try (FrameCompositor c = new FrameCompositor(t, List.of(decoder), new TitleCardRenderer(FORMAT, Brand.DEFAULT))) {
            for (int f = 0; f < t.totalFrames(); f++) {
                decoder.reads.clear();
                c.render(f, out);
                if (f == 11) {
                    // k = 1 into segment 2: outgoing clip 1 frame 10 + 1, incoming clip 2 frame 1, alpha = ease(2/4).
                    assertThat(decoder.reads).containsExactlyInAnyOrder("c1:11", "c2:1");
                    double alpha = Pixels.ease(2 / 4.0);
                    int expectedRed = (int) Math.round(2 * alpha + 1 * (1 - alpha));
                    assertThat((out[0] >> 16) & 0xFF).isCloseTo(expectedRed, org.assertj.core.data.Offset.offset(1));
                    assertThat(out[0] & 0xFF).isCloseTo((int) Math.round(1 * alpha + 11 * (1 - alpha)), org.assertj.core.data.Offset.offset(1));
                }
                if (f == 15) assertThat(decoder.reads).containsExactly("c2:5");
                assertThat(decoder.open).isLessThanOrEqualTo(2);
            }
            assertThat(c.maxOpen()).isEqualTo(2);
        }
        assertThat(decoder.open).isZero();
        assertThat(decoder.maxOpen).isEqualTo(2);
    }

    @Test
    void withoutCrossfadeOnlyOneClipIsOpen() {
        IndexDecoder decoder = new IndexDecoder();
        Timeline t = timeline(0, 5, 5, 5, 5);
        int[] out = new int[FORMAT.width() * FORMAT.height()];
        try (FrameCompositor c = new FrameCompositor(t, List.of(decoder), new TitleCardRenderer(FORMAT, Brand.DEFAULT))) {
            for (int f = 0; f < t.totalFrames(); f++) c.render(f, out);
        }
        assertThat(decoder.maxOpen).isEqualTo(1);
        assertThat(decoder.open).isZero();
    }

    @Test
    void theFirstAcceptingDecoderWins() {
        IndexDecoder first = new IndexDecoder(), second = new IndexDecoder();
        Timeline t = timeline(0, 3);
        int[] out = new int[FORMAT.width() * FORMAT.height()];
        try (FrameCompositor c = new FrameCompositor(t, List.of(first, second), new TitleCardRenderer(FORMAT, Brand.DEFAULT))) {
            c.render(0, out);
        }
        assertThat(first.reads).hasSize(1);
        assertThat(second.reads).isEmpty();
    }

    @Test
    void blendAndOverArithmetic() {
        int[] a = {0xFF0000}, b = {0x0000FF};
        Pixels.blend(a, b, 0.5, 1);
        assertThat(b[0]).isEqualTo(0x7F007F);
        int[] frame = {0x000000, 0xFFFFFF};
        Pixels.over(new int[] {0xFFFF0000, 0x80000000}, 2, 1, 0, 0, frame, 2, 1);
        assertThat(frame[0]).isEqualTo(0xFF0000);
        assertThat(frame[1]).isEqualTo(0x7F7F7F);
        assertThat(Pixels.ease(0)).isZero();
        assertThat(Pixels.ease(1)).isEqualTo(1.0);
        assertThat(Pixels.ease(0.5)).isEqualTo(0.5);
    }

    @Test
    void overMatchesStraightAlphaCompositingExactly() {
        java.util.Random random = new java.util.Random(3);
        int w = 37, h = 5, fw = 50, fh = 9;
        int[] overlay = new int[w * h];
        for (int i = 0; i < overlay.length; i++) {
            int a = switch (i % 4) {
                case 0 -> 0;
                case 1 -> 255;
                default -> random.nextInt(256);
            };
            // Premultiplied: no channel above alpha.
            int r = random.nextInt(a + 1), g = random.nextInt(a + 1), b = random.nextInt(a + 1);
            overlay[i] = a << 24 | r << 16 | g << 8 | b;
        }
        int[] frame = new int[fw * fh];
        for (int i = 0; i < frame.length; i++) frame[i] = random.nextInt() & 0xFFFFFF;
        int[] expected = frame.clone();
        int left = 20, top = -1; // partly off the right and top edges
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int fx = left + x, fy = top + y;
                if (fx < 0 || fy < 0 || fx >= fw || fy >= fh) continue;
                int o = overlay[y * w + x], a = o >>> 24, d = expected[fy * fw + fx], out = 0;
                for (int shift = 0; shift < 24; shift += 8) {
                    int c = ((o >> shift) & 0xFF) + (int) Math.round(((d >> shift) & 0xFF) * (255 - a) / 255.0);
                    out |= c << shift;
                }
                expected[fy * fw + fx] = out;
            }
        }
        Pixels.over(overlay, w, h, left, top, frame, fw, fh);
        assertThat(frame).isEqualTo(expected);
    }

    @Test
    void aClipNobodyAcceptsFailsUpFront() {
        assertThatThrownBy(() -> new FrameCompositor(timeline(0, 3), List.of(), new TitleCardRenderer(FORMAT, Brand.DEFAULT)))
                .isInstanceOf(ReelwrightException.class).hasMessageContaining("c1.idx");
    }
}
