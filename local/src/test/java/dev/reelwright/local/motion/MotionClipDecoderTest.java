package dev.reelwright.local.motion;

import static dev.reelwright.local.motion.MotionTestImages.clip;
import static dev.reelwright.local.motion.MotionTestImages.diff;
import static dev.reelwright.local.motion.MotionTestImages.frame;
import static dev.reelwright.local.motion.MotionTestImages.png;
import static dev.reelwright.local.motion.MotionTestImages.waves;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.Mood;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.spi.FrameSource;
import dev.reelwright.core.spi.KeyframeRequest;
import dev.reelwright.local.keyframe.ProceduralKeyframeGenerator;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotionClipDecoderTest {
    private static final VideoFormat SMALL = new VideoFormat(320, 180, 30);

    @TempDir
    Path dir;

    @Test
    void acceptsOnlyMotionRecipes() {
        var decoder = new MotionClipDecoder();
        assertThat(decoder.accepts(Path.of("steps/clip/clip.motion.json"))).isTrue();
        assertThat(decoder.accepts(Path.of("other.motion.json"))).isTrue();
        assertThat(decoder.accepts(Path.of("clip.mp4"))).isFalse();
        assertThat(decoder.accepts(Path.of("motion.json"))).isFalse();
        assertThat(decoder.accepts(Path.of("clip.json"))).isFalse();
    }

    @Test
    void aStaticClipStartsCloseToTheKeyframe() {
        BufferedImage image = waves(320, 180);
        Path keyframe = png(image, dir.resolve("keyframe.png"));
        try (FrameSource source = clip(dir, keyframe, CameraMove.STATIC, 30, SMALL)) {
            int[] original = image.getRGB(0, 0, 320, 180, null, 0, 320);
            for (int i = 0; i < original.length; i++) original[i] &= 0xFFFFFF;
            assertThat(diff(frame(source, 0, SMALL), original)).isLessThan(12);
        }
    }

    @Test
    void anIdentityPoseReproducesTheSourceExactly() {
        BufferedImage image = waves(64, 36);
        SourceImage source = SourceImage.of(image);
        int[] out = new int[64 * 36];
        AffineSampler.render(source, 1, 0, 0, 0, 1, 0, out, 64, 36);
        int[] original = image.getRGB(0, 0, 64, 36, null, 0, 64);
        for (int i = 0; i < original.length; i++) assertThat(out[i]).isEqualTo(original[i] & 0xFFFFFF);
        AffineSampler.Scratch scratch = new AffineSampler.Scratch(64);
        AffineSampler.render(source, 1, 0, 0, 0, 1, 0, out, 64, 36, scratch);
        for (int i = 0; i < original.length; i++) assertThat(out[i]).isEqualTo(original[i] & 0xFFFFFF);
    }

    @Test
    void theSeparableAndTheGeneralPathAgree() {
        SourceImage source = SourceImage.of(waves(97, 61));
        int w = 120, h = 70;
        int[] separable = new int[w * h], general = new int[w * h];
        // Zoomed in, offset, and running off the right and bottom edges, where both clamp.
        double a = 0.83, c = 13.4, e = 0.87, f = 2.6;
        AffineSampler.render(source, a, 0, c, 0, e, f, separable, w, h, new AffineSampler.Scratch(w));
        // A shear far too small to move a sample sends the same map down the rotated path.
        AffineSampler.render(source, a, 1e-12, c, 1e-12, e, f, general, w, h, new AffineSampler.Scratch(w));
        for (int i = 0; i < separable.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) {
                assertThat(Math.abs(((separable[i] >> shift) & 0xFF) - ((general[i] >> shift) & 0xFF))).isLessThanOrEqualTo(2);
            }
        }
    }

    @Test
    void bgrImagesAreReadAsGetRgbReadsThem() {
        BufferedImage bgr = new BufferedImage(53, 29, BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(waves(53, 29), 0, 0, null);
        int[] rgb = bgr.getRGB(0, 0, 53, 29, null, 0, 53);
        assertThat(SourceImage.of(bgr).pixels).isEqualTo(SourceImage.of(53, 29, rgb).pixels);
        BufferedImage part = bgr.getSubimage(5, 3, 40, 20);
        assertThat(SourceImage.of(part).pixels).isEqualTo(SourceImage.of(40, 20, part.getRGB(0, 0, 40, 20, null, 0, 40)).pixels);
    }

    @Test
    void halfPixelOffsetsAverageNeighbours() {
        SourceImage source = SourceImage.of(2, 1, new int[] {0x000000, 0xC8641E});
        int[] out = new int[1];
        AffineSampler.render(source, 1, 0, 0.5, 0, 1, 0, out, 1, 1);
        assertThat(out[0]).isEqualTo(0x64320F);
        // Off the edge clamps to the edge pixel, never to black.
        AffineSampler.render(source, 1, 0, 7.5, 0, 1, -3, out, 1, 1);
        assertThat(out[0]).isEqualTo(0xC8641E);
    }

    @Test
    void framesPastTheEndRepeatTheLastFrame() {
        Path keyframe = png(waves(320, 180), dir.resolve("keyframe.png"));
        try (FrameSource source = clip(dir, keyframe, CameraMove.DOLLY_IN, 20, SMALL)) {
            assertThat(frame(source, 25, SMALL)).isEqualTo(frame(source, 19, SMALL));
            assertThat(frame(source, 19, SMALL)).isNotEqualTo(frame(source, 0, SMALL));
        }
    }

    @Test
    void reopeningGivesIdenticalFrames() {
        Path keyframe = png(waves(320, 180), dir.resolve("keyframe.png"));
        int[] a;
        int[] b;
        try (FrameSource source = clip(dir, keyframe, CameraMove.ORBIT, 24, SMALL)) {
            a = frame(source, 13, SMALL);
        }
        try (FrameSource source = clip(dir.resolve("again"), keyframe, CameraMove.ORBIT, 24, SMALL)) {
            b = frame(source, 13, SMALL);
        }
        assertThat(a).isEqualTo(b);
    }

    @Test
    void opensAtAnyFrameSizeFillingTheFrame() {
        Path keyframe = png(waves(320, 180), dir.resolve("keyframe.png"));
        VideoFormat tall = new VideoFormat(90, 160, 24);
        VideoFormat big = new VideoFormat(640, 360, 30);
        try (FrameSource source = clip(dir, keyframe, CameraMove.PAN_RIGHT, 10, tall)) {
            int[] rgb = frame(source, 5, tall);
            for (int p : rgb) assertThat(MotionTestImages.minChannel(p)).isGreaterThanOrEqualTo(28);
        }
        try (FrameSource source = clip(dir, keyframe, CameraMove.PAN_RIGHT, 10, big)) {
            int[] rgb = frame(source, 5, big);
            for (int p : rgb) assertThat(MotionTestImages.minChannel(p)).isGreaterThanOrEqualTo(28);
        }
    }

    @Test
    void aMuchLargerSourceIsShrunkBeforeSampling() {
        Path keyframe = png(waves(1280, 720), dir.resolve("big.png"));
        try (FrameSource source = clip(dir, keyframe, CameraMove.DOLLY_IN, 10, SMALL)) {
            int[] rgb = frame(source, 9, SMALL);
            for (int p : rgb) assertThat(MotionTestImages.minChannel(p)).isGreaterThanOrEqualTo(28);
        }
    }

    @Test
    void separateSourcesRenderConcurrently() throws Exception {
        Path keyframe = png(waves(320, 180), dir.resolve("keyframe.png"));
        Path folder = Files.createDirectories(dir.resolve("step"));
        var clip = new CameraMoveVideoGenerator().generate(
                new dev.reelwright.core.spi.ClipRequest(keyframe, "x", CameraMove.ORBIT, 40, SMALL, 8), folder);
        var decoder = new MotionClipDecoder();
        List<int[]> expected = new ArrayList<>();
        try (FrameSource source = decoder.open(folder.resolve(clip.file()), SMALL)) {
            for (int i = 0; i < 40; i++) expected.add(frame(source, i, SMALL));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    try (FrameSource source = decoder.open(folder.resolve(clip.file()), SMALL)) {
                        for (int i = 0; i < 40; i++) {
                            if (!java.util.Arrays.equals(frame(source, i, SMALL), expected.get(i))) return false;
                        }
                        return true;
                    }
                }));
            }
            for (Future<Boolean> r : results) assertThat(r.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBrokenRecipeNamesTheFile() throws Exception {
        Path bad = dir.resolve("bad.motion.json");
        Files.writeString(bad, "{\"version\": 1, \"source\": \"source.png\", \"camera\": \"sideways\", \"frames\": 10, "
                + "\"fps\": 30, \"width\": 320, \"height\": 180, \"seed\": 1, \"easing\": null, \"focus_x\": 0.5, \"focus_y\": 0.5}");
        assertThatThrownBy(() -> new MotionClipDecoder().open(bad, SMALL)).isInstanceOf(InputException.class)
                .hasMessageContaining("bad.motion.json").hasMessageContaining("sideways");
        Path future = dir.resolve("future.motion.json");
        Files.writeString(future, Json.toJson(new MotionRecipe(1, "source.png", CameraMove.STATIC, 10, 30, 320, 180, 1, null, 0.5, 0.5))
                .replaceFirst("\"version\"\\s*:\\s*1", "\"version\": 9"));
        assertThatThrownBy(() -> new MotionClipDecoder().open(future, SMALL)).isInstanceOf(InputException.class)
                .hasMessageContaining("version 9");
        Path orphan = dir.resolve("orphan.motion.json");
        Json.write(orphan, new MotionRecipe(1, "missing.png", CameraMove.STATIC, 10, 30, 320, 180, 1, null, 0.5, 0.5));
        assertThatThrownBy(() -> new MotionClipDecoder().open(orphan, SMALL)).isInstanceOf(InputException.class)
                .hasMessageContaining("missing.png");
    }

    /** Prints the cost of the hot loop: one 1080p frame rendered from a 1080p keyframe, single-threaded. */
    @Test
    void frameRenderingSpeed() throws Exception {
        VideoFormat hd = new VideoFormat(1920, 1080, 30);
        Path folder = Files.createDirectories(dir.resolve("kf"));
        new ProceduralKeyframeGenerator().generate(
                new KeyframeRequest("a lighthouse on a cliff above the sea at sunset", Mood.CALM, 1, 1920, 1080), folder);
        Path keyframe = folder.resolve("keyframe.png");
        int[] rgb = new int[1920 * 1080];
        StringBuilder report = new StringBuilder("motion frame render, 1920x1080, single thread:");
        for (CameraMove move : new CameraMove[] {CameraMove.DOLLY_IN, CameraMove.PAN_RIGHT, CameraMove.ORBIT}) {
            try (FrameSource source = clip(dir, keyframe, move, 120, hd)) {
                for (int i = 0; i < 40; i++) source.read(i, rgb);
                long start = System.nanoTime();
                for (int i = 0; i < 120; i++) source.read(i, rgb);
                double ms = (System.nanoTime() - start) / 1e6 / 120;
                report.append(String.format(" %s %.2f ms/frame;", move.label(), ms));
            }
        }
        System.out.println(report);
    }
}
