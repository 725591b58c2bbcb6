package dev.reelwright.media.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.spi.FrameSource;
import dev.reelwright.media.TestMedia;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegClipDecoderTest {
    @TempDir
    Path dir;

    final FfmpegClipDecoder decoder = new FfmpegClipDecoder();

    @Test
    void acceptsCommonVideoFiles() {
        assertThat(decoder.accepts(Path.of("a/clip.mp4"))).isTrue();
        assertThat(decoder.accepts(Path.of("clip.MOV"))).isTrue();
        assertThat(decoder.accepts(Path.of("clip.webm"))).isTrue();
        assertThat(decoder.accepts(Path.of("clip.mkv"))).isTrue();
        assertThat(decoder.accepts(Path.of("clip.motion.json"))).isFalse();
        assertThat(decoder.accepts(Path.of("clip.test"))).isFalse();
    }

    @Test
    void retimesA24FpsClipTo30Fps() {
        // Frame k of the source is grey level 5k; 48 frames = 2 s.
        Path clip = TestMedia.writeClip(dir.resolve("grey.mkv"), 160, 120, 24, 48, k -> TestMedia.solid(160, 120, grey(5 * k)), -1);
        VideoFormat format = new VideoFormat(160, 120, 30);
        int[] rgb = new int[160 * 120];
        try (FrameSource source = decoder.open(clip, format)) {
            assertThat(source.frameCount()).isEqualTo(60);
            for (int i = 0; i < 60; i++) {
                source.read(i, rgb);
                int nearest = (int) Math.round(i * 24 / 30.0);
                assertThat(TestMedia.red(rgb[80 * 160 + 80])).as("output frame %d shows source frame %d", i, nearest).isCloseTo(5 * nearest, org.assertj.core.data.Offset.offset(2));
            }
            // Past the end: the last frame again.
            source.read(75, rgb);
            assertThat(TestMedia.red(rgb[0])).isCloseTo(5 * 47, org.assertj.core.data.Offset.offset(2));
            // Going back reopens the file.
            source.read(5, rgb);
            assertThat(TestMedia.red(rgb[0])).isCloseTo(5 * 4, org.assertj.core.data.Offset.offset(2));
        }
    }

    @Test
    void coversAWiderFrameByCroppingTopAndBottom() {
        // 4:3 source: magenta top eighth, yellow bottom eighth, grey in between.
        int w = 320, h = 240;
        Path clip = TestMedia.writeClip(dir.resolve("bands.mp4"), w, h, 30, 10, k -> {
            int[] p = new int[w * h];
            for (int y = 0; y < h; y++) java.util.Arrays.fill(p, y * w, (y + 1) * w, y < 30 ? 0xFF00FF : y >= 210 ? 0xFFFF00 : 0x808080);
            return p;
        }, -1);
        int[] rgb = new int[320 * 180];
        try (FrameSource source = decoder.open(clip, new VideoFormat(320, 180, 30))) {
            source.read(0, rgb);
        }
        // 240 rows scaled by 1 to cover 180: 30 rows cut from each end, exactly the coloured bands.
        assertThat(TestMedia.distance(rgb[2 * 320 + 160], 0x808080)).isLessThan(12);
        assertThat(TestMedia.distance(rgb[177 * 320 + 160], 0x808080)).isLessThan(12);
        assertThat(TestMedia.distance(rgb[90 * 320 + 5], 0x808080)).isLessThan(12);
    }

    @Test
    void coversAPortraitFrameByCroppingTheSides() {
        // Landscape source with red left and blue right quarters; a portrait frame keeps only the grey middle.
        int w = 320, h = 180;
        Path clip = TestMedia.writeClip(dir.resolve("stripes.mov"), w, h, 30, 5, k -> {
            int[] p = new int[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) p[y * w + x] = x < 80 ? 0xFF0000 : x >= 240 ? 0x0000FF : 0x808080;
            }
            return p;
        }, -1);
        VideoFormat portrait = new VideoFormat(90, 160, 30);
        int[] rgb = new int[90 * 160];
        try (FrameSource source = decoder.open(clip, portrait)) {
            source.read(0, rgb);
        }
        // Scaled to 284x160, the middle 90 columns are all from the grey half.
        for (int y = 0; y < 160; y += 20) {
            assertThat(TestMedia.distance(rgb[y * 90 + 1], 0x808080)).isLessThan(14);
            assertThat(TestMedia.distance(rgb[y * 90 + 88], 0x808080)).isLessThan(14);
        }
    }

    @Test
    void upscalesASmallClipToFill() {
        Path clip = TestMedia.writeClip(dir.resolve("small.mp4"), 64, 36, 30, 3, k -> TestMedia.solid(64, 36, 0x2266AA), -1);
        int[] rgb = new int[640 * 360];
        try (FrameSource source = decoder.open(clip, new VideoFormat(640, 360, 30))) {
            source.read(0, rgb);
        }
        assertThat(TestMedia.distance(rgb[0], 0x2266AA)).isLessThan(10);
        assertThat(TestMedia.distance(rgb[rgb.length - 1], 0x2266AA)).isLessThan(10);
        assertThat(rgb[1000] >>> 24).as("no alpha bits").isZero();
    }

    @Test
    void coverCropGeometry() {
        assertThat(CoverCrop.of(1920, 1080, 1, 1080, 1920)).isEqualTo(new CoverCrop(3413, 1920, 1166, 0));
        assertThat(CoverCrop.of(1280, 720, 1, 1920, 1080)).isEqualTo(new CoverCrop(1920, 1080, 0, 0));
        assertThat(CoverCrop.of(640, 480, 1, 1920, 1080)).isEqualTo(new CoverCrop(1920, 1440, 0, 180));
    }

    static int grey(int v) {
        return v << 16 | v << 8 | v;
    }
}
