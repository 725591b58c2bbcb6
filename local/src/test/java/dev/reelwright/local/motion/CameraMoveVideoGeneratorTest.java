package dev.reelwright.local.motion;

import static dev.reelwright.local.motion.MotionTestImages.clip;
import static dev.reelwright.local.motion.MotionTestImages.diff;
import static dev.reelwright.local.motion.MotionTestImages.frame;
import static dev.reelwright.local.motion.MotionTestImages.minChannel;
import static dev.reelwright.local.motion.MotionTestImages.png;
import static dev.reelwright.local.motion.MotionTestImages.waves;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.FrameSource;
import dev.reelwright.core.spi.VideoGenerator.GeneratedClip;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CameraMoveVideoGeneratorTest {
    private static final VideoFormat SMALL = new VideoFormat(320, 180, 30);

    @TempDir
    Path dir;

    @Test
    void writesARecipeAndACopyOfTheKeyframe() throws Exception {
        Path keyframe = png(waves(320, 180), dir.resolve("in/keyframe.png"));
        Path folder = Files.createDirectories(dir.resolve("step"));
        var generator = new CameraMoveVideoGenerator();
        GeneratedClip clip = generator.generate(new ClipRequest(keyframe, "a sea", CameraMove.PAN_LEFT, 48, SMALL, 99), folder);

        assertThat(generator.id()).isEqualTo("camera-move-v1");
        assertThat(clip).isEqualTo(new GeneratedClip("clip.motion.json", 48));
        assertThat(Files.readAllBytes(folder.resolve("source.png"))).isEqualTo(Files.readAllBytes(keyframe));
        String json = Files.readString(folder.resolve("clip.motion.json"));
        assertThat(json).contains("\"camera\" : \"pan_left\"", "\"source\" : \"source.png\"", "\"focus_x\"", "\"easing\" : \"ease_in_out_soft\"");

        MotionRecipe recipe = MotionClipDecoder.read(folder.resolve("clip.motion.json"));
        assertThat(recipe.version()).isEqualTo(1);
        assertThat(recipe.camera()).isEqualTo(CameraMove.PAN_LEFT);
        assertThat(recipe.frames()).isEqualTo(48);
        assertThat(recipe.fps()).isEqualTo(30);
        assertThat(recipe.width()).isEqualTo(320);
        assertThat(recipe.height()).isEqualTo(180);
        assertThat(recipe.seed()).isEqualTo(99);
        assertThat(recipe.focusX()).isBetween(0.0, 1.0);

        // The step folder is self-contained: the clip still opens once the original keyframe is gone.
        Files.delete(keyframe);
        var decoder = new MotionClipDecoder();
        assertThat(decoder.accepts(folder.resolve(clip.file()))).isTrue();
        try (FrameSource source = decoder.open(folder.resolve(clip.file()), SMALL)) {
            assertThat(source.frameCount()).isEqualTo(48);
            int[] first = frame(source, 0, SMALL);
            assertThat(first).isNotEqualTo(new int[first.length]);
        }
    }

    @Test
    void sameRequestGivesTheSameFiles() throws Exception {
        Path keyframe = png(waves(320, 180), dir.resolve("keyframe.png"));
        var request = new ClipRequest(keyframe, "x", CameraMove.ORBIT, 30, SMALL, 3);
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        new CameraMoveVideoGenerator().generate(request, a);
        new CameraMoveVideoGenerator().generate(request, b);
        assertThat(Files.readString(a.resolve("clip.motion.json"))).isEqualTo(Files.readString(b.resolve("clip.motion.json")));
    }

    @ParameterizedTest
    @EnumSource(CameraMove.class)
    void everyMoveChangesThePictureSmoothly(CameraMove move) {
        Path keyframe = png(waves(320, 180), dir.resolve("keyframe.png"));
        int frames = 48;
        try (FrameSource source = clip(dir, keyframe, move, frames, SMALL)) {
            int[] first = frame(source, 0, SMALL);
            int[] last = frame(source, frames - 1, SMALL);
            double total = diff(first, last);
            assertThat(total).as("%s: first vs last frame", move).isGreaterThan(move == CameraMove.STATIC ? 3 : 12);
            int[] previous = first;
            double worst = 0;
            for (int i = 1; i < frames; i++) {
                int[] current = frame(source, i, SMALL);
                worst = Math.max(worst, diff(previous, current));
                previous = current;
            }
            assertThat(worst).as("%s: largest change between consecutive frames (total %.1f)", move, total).isLessThan(total * 0.3);
            assertThat(worst).isGreaterThan(0);
        }
    }

    @ParameterizedTest
    @EnumSource(CameraMove.class)
    void noFrameEverShowsABorder(CameraMove move) {
        // Same aspect, a square keyframe in a wide frame, and a wide keyframe in a tall frame.
        Object[][] cases = {
            {waves(320, 180), SMALL}, {waves(200, 200), SMALL}, {waves(320, 180), new VideoFormat(180, 320, 30)},
            {waves(160, 90), SMALL},
        };
        int n = 0;
        for (Object[] c : cases) {
            Path keyframe = png((java.awt.image.BufferedImage) c[0], dir.resolve("k" + n++ + ".png"));
            VideoFormat format = (VideoFormat) c[1];
            int frames = 40;
            try (FrameSource source = clip(dir.resolve("c" + n), keyframe, move, frames, format)) {
                int w = format.width();
                int h = format.height();
                for (int i = 0; i < frames; i++) {
                    int[] rgb = frame(source, i, format);
                    for (int x = 0; x < w; x++) {
                        for (int y : new int[] {0, 1, h - 2, h - 1}) {
                            assertThat(minChannel(rgb[y * w + x])).as("%s frame %d at (%d, %d)", move, i, x, y).isGreaterThanOrEqualTo(28);
                        }
                    }
                    for (int y = 0; y < h; y++) {
                        for (int x : new int[] {0, 1, w - 2, w - 1}) {
                            assertThat(minChannel(rgb[y * w + x])).as("%s frame %d at (%d, %d)", move, i, x, y).isGreaterThanOrEqualTo(28);
                        }
                    }
                }
            }
        }
    }

    @Test
    void panLeftAndPanRightMoveTheContentOppositeWays() {
        Path keyframe = png(waves(320, 180), dir.resolve("keyframe.png"));
        int left;
        int right;
        try (FrameSource source = clip(dir, keyframe, CameraMove.PAN_LEFT, 60, SMALL)) {
            left = shift(frame(source, 0, SMALL), frame(source, 59, SMALL), SMALL);
        }
        try (FrameSource source = clip(dir, keyframe, CameraMove.PAN_RIGHT, 60, SMALL)) {
            right = shift(frame(source, 0, SMALL), frame(source, 59, SMALL), SMALL);
        }
        // The camera turning left brings what was on the left into view: the picture slides right, and vice versa.
        assertThat(left).isGreaterThan(8);
        assertThat(right).isLessThan(-8);
        assertThat(Math.abs(left + right)).isLessThanOrEqualTo(3);
    }

    @Test
    void craneUpAndDownMoveTheContentVertically() {
        Path keyframe = png(waves(320, 180), dir.resolve("keyframe.png"));
        int up;
        int down;
        try (FrameSource source = clip(dir, keyframe, CameraMove.CRANE_UP, 60, SMALL)) {
            up = shiftVertical(frame(source, 0, SMALL), frame(source, 59, SMALL), SMALL);
        }
        try (FrameSource source = clip(dir, keyframe, CameraMove.CRANE_DOWN, 60, SMALL)) {
            down = shiftVertical(frame(source, 0, SMALL), frame(source, 59, SMALL), SMALL);
        }
        assertThat(up).isGreaterThan(4);
        assertThat(down).isLessThan(-4);
    }

    @Test
    void dollyInMagnifiesTheCentreAndDollyOutShrinksIt() {
        Path keyframe = png(MotionTestImages.disc(320, 180, 30), dir.resolve("disc.png"));
        double grow;
        double shrink;
        try (FrameSource source = clip(dir, keyframe, CameraMove.DOLLY_IN, 60, SMALL)) {
            grow = darkPixels(frame(source, 59, SMALL)) / (double) darkPixels(frame(source, 0, SMALL));
        }
        try (FrameSource source = clip(dir, keyframe, CameraMove.DOLLY_OUT, 60, SMALL)) {
            shrink = darkPixels(frame(source, 59, SMALL)) / (double) darkPixels(frame(source, 0, SMALL));
        }
        assertThat(grow).isGreaterThan(1.3);
        assertThat(shrink).isLessThan(1 / 1.3);
    }

    @Test
    void aMissingKeyframeIsAnInputError() {
        Path folder = dir.resolve("step");
        assertThatThrownBy(() -> new CameraMoveVideoGenerator().generate(
                new ClipRequest(dir.resolve("nope.png"), "x", CameraMove.STATIC, 10, SMALL, 1), folder))
                .isInstanceOf(InputException.class).hasMessageContaining("nope.png");
    }

    /** Horizontal shift (pixels) that best maps the column profile of {@code a} onto {@code b}; positive: content moved right. */
    static int shift(int[] a, int[] b, VideoFormat f) {
        return bestShift(profile(a, f, true), profile(b, f, true));
    }

    static int shiftVertical(int[] a, int[] b, VideoFormat f) {
        return bestShift(profile(a, f, false), profile(b, f, false));
    }

    private static double[] profile(int[] rgb, VideoFormat f, boolean columns) {
        int w = f.width();
        int h = f.height();
        double[] p = new double[columns ? w : h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = rgb[y * w + x];
                p[columns ? x : y] += ((v >> 16) & 0xFF) + ((v >> 8) & 0xFF) + (v & 0xFF);
            }
        }
        return p;
    }

    private static int bestShift(double[] a, double[] b) {
        int n = a.length;
        int best = 0;
        double bestError = Double.MAX_VALUE;
        for (int s = -n / 3; s <= n / 3; s++) {
            double error = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                int j = i + s;
                if (j < 0 || j >= n) continue;
                error += Math.abs(a[i] - b[j]);
                count++;
            }
            error /= count;
            if (error < bestError) {
                bestError = error;
                best = s;
            }
        }
        return best;
    }

    private static int darkPixels(int[] rgb) {
        int n = 0;
        for (int p : rgb) if ((p & 0xFF) < 130) n++;
        return n;
    }
}
