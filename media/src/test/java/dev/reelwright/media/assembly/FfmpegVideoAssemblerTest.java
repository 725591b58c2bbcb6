package dev.reelwright.media.assembly;

import static dev.reelwright.media.TestMedia.blue;
import static dev.reelwright.media.TestMedia.distance;
import static dev.reelwright.media.TestMedia.green;
import static dev.reelwright.media.TestMedia.red;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.model.Brand;
import dev.reelwright.core.model.CaptionStyle;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.progress.ProgressListener;
import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.core.timeline.CaptionCue;
import dev.reelwright.core.timeline.Timeline;
import dev.reelwright.core.timeline.Timeline.CardSegment;
import dev.reelwright.core.timeline.Timeline.ClipSegment;
import dev.reelwright.media.MediaProbe;
import dev.reelwright.media.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real assembly at 640x360: a title card, three coloured clips with crossfades, a voice and captions. */
class FfmpegVideoAssemblerTest {
    static final VideoFormat FORMAT = new VideoFormat(640, 360, 30);
    static final int RED = 0xD02020, GREEN = 0x20B040, BLUE = 0x2040D0;
    static final int FADE = 8;
    static final int POSTER = 101;

    @TempDir
    static Path dir;

    static Timeline timeline;
    static Path video;
    static Path poster;
    static MediaProbe.Info info;
    static FfmpegVideoAssembler assembler;
    static final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void assemble() {
        Path a = TestMedia.colourClip(dir, "red", RED);
        Path b = TestMedia.colourClip(dir, "green", GREEN);
        Path c = TestMedia.colourClip(dir, "blue", BLUE);
        Path voice = TestMedia.toneWav(dir.resolve("voice.wav"), 1.2, 16_000, 440, 0.3);
        List<CaptionCue> cues = List.of(
                new CaptionCue(1.6, 2.6, List.of(List.of(
                        new WordTiming("Hello", 1.6, 1.85), new WordTiming("brave", 1.85, 2.1),
                        new WordTiming("new", 2.1, 2.35), new WordTiming("world", 2.35, 2.6)))),
                new CaptionCue(4.0, 4.8, List.of(
                        List.of(new WordTiming("Second", 4.0, 4.3), new WordTiming("caption", 4.3, 4.5)),
                        List.of(new WordTiming("two", 4.5, 4.65), new WordTiming("lines", 4.65, 4.8)))));
        timeline = new Timeline(FORMAT,
                List.of(new CardSegment("Reelwright Test Title", "a subtitle under it", 0, 30),
                        new ClipSegment("red", a, 30, 45),
                        new ClipSegment("green", b, 75, 45),
                        new ClipSegment("blue", c, 120, 45)),
                FADE,
                List.of(new Timeline.VoiceClip(voice, 45)),
                null, -18, cues, CaptionStyle.HIGHLIGHT, Brand.DEFAULT, POSTER);
        video = dir.resolve("out/video.mp4");
        poster = dir.resolve("out/poster.jpg");
        assembler = new FfmpegVideoAssembler(List.of(new TestMedia.FailingDecoder(), new TestMedia.ColourDecoder()));
        assembler.assemble(timeline, video, poster, new ProgressListener() {
            @Override
            public void stageStarted(String stage, int total) {
                events.add("start " + stage + " " + total);
            }

            @Override
            public void advanced(String stage, int done, int total, String detail) {
                events.add("at " + done);
            }

            @Override
            public void stageFinished(String stage, double seconds) {
                events.add("finish " + stage);
            }
        });
        info = MediaProbe.probe(video);
    }

    static BufferedImage frame(int index) {
        return MediaProbe.frameAt(video, (index + 0.25) / FORMAT.fps());
    }

    static int centre(BufferedImage image) {
        return image.getRGB(image.getWidth() / 2, image.getHeight() / 3) & 0xFFFFFF;
    }

    @Test
    void streamsAreH264Yuv420pAndAacStereo() {
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.videoProfile()).isEqualTo("High");
        assertThat(info.width()).isEqualTo(640);
        assertThat(info.height()).isEqualTo(360);
        assertThat(info.fps()).isCloseTo(30.0, within(0.01));
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.sampleRate()).isEqualTo(48_000);
        assertThat(info.channels()).isEqualTo(2);
        assertThat(info.colorSpace()).isEqualTo("smpte170m");
    }

    @Test
    void lengthMatchesTheTimeline() {
        double expected = timeline.totalSeconds();
        assertThat(info.videoFrames()).isEqualTo(timeline.totalFrames());
        assertThat(info.videoSeconds()).isCloseTo(expected, within(1.0 / 30));
        assertThat(info.audioSeconds()).isCloseTo(expected, within(1.0 / 30));
    }

    @Test
    void eachSegmentShowsItsColour() {
        assertThat(distance(centre(frame(56)), RED)).isLessThan(12);
        assertThat(distance(centre(frame(101)), GREEN)).isLessThan(12);
        assertThat(distance(centre(frame(146)), BLUE)).isLessThan(12);
    }

    @Test
    void titleCardIsBrandColouredWithText() {
        BufferedImage card = frame(15);
        int primary = Brand.rgb(Brand.DEFAULT.primaryColor());
        assertThat(distance(card.getRGB(4, card.getHeight() / 2) & 0xFFFFFF, primary)).isLessThan(40);
        int bright = 0;
        for (int y = card.getHeight() / 4; y < card.getHeight() * 3 / 4; y++) {
            for (int x = 0; x < card.getWidth(); x++) {
                int p = card.getRGB(x, y);
                if (red(p) > 200 && green(p) > 200 && blue(p) > 200) bright++;
            }
        }
        assertThat(bright).as("title text pixels").isGreaterThan(500);
    }

    @Test
    void crossfadeMidpointIsABlend() {
        // Frame 75 + 4: alpha = ease(5/9) ~ 0.58 of green over red.
        int p = centre(frame(79));
        double alpha = Pixels.ease(5 / 9.0);
        int expected = mix(GREEN, RED, alpha);
        assertThat(distance(p, expected)).as("blend %06X vs %06X", p, expected).isLessThan(14);
        assertThat(distance(p, RED)).isGreaterThan(40);
        assertThat(distance(p, GREEN)).isGreaterThan(40);
        // Frames either side of the fade are pure.
        assertThat(distance(centre(frame(74)), RED)).isLessThan(12);
        assertThat(distance(centre(frame(83)), GREEN)).isLessThan(12);
    }

    static int mix(int a, int b, double alpha) {
        int r = (int) Math.round(red(a) * alpha + red(b) * (1 - alpha));
        int g = (int) Math.round(green(a) * alpha + green(b) * (1 - alpha));
        int bl = (int) Math.round(blue(a) * alpha + blue(b) * (1 - alpha));
        return r << 16 | g << 8 | bl;
    }

    @Test
    void voiceIsAudibleOnlyWhereItPlays() {
        // The voice starts at frame 45 (1.5 s) and lasts 1.2 s.
        assertThat(MediaProbe.audioRms(video, 1.7, 2.5)).isGreaterThan(0.05);
        assertThat(MediaProbe.audioRms(video, 0.1, 1.4)).isLessThan(0.003);
        assertThat(MediaProbe.audioRms(video, 3.0, 5.3)).isLessThan(0.003);
    }

    @Test
    void captionsAppearInTheBottomSafeAreaOnlyWhileACueIsShown() {
        BufferedImage withCue = frame(60); // 2.0 s: "brave" is being spoken, over red
        BufferedImage without = frame(101); // 3.37 s: no cue, over green
        int top = (int) (FORMAT.height() * 0.6), bottom = FORMAT.height() - (int) (FORMAT.height() * 0.1);
        int textPixels = 0, boxPixels = 0, accentPixels = 0;
        for (int y = top; y < bottom; y++) {
            for (int x = 0; x < FORMAT.width(); x++) {
                int p = withCue.getRGB(x, y) & 0xFFFFFF;
                if (red(p) > 220 && green(p) > 220 && blue(p) > 220) textPixels++;
                if (red(p) < 110 && green(p) < 40 && blue(p) < 40) boxPixels++;
                if (red(p) > 200 && green(p) > 140 && blue(p) < 120) accentPixels++;
            }
        }
        assertThat(textPixels).as("white caption text").isGreaterThan(100);
        assertThat(boxPixels).as("dark box behind the caption").isGreaterThan(1000);
        assertThat(accentPixels).as("the spoken word in the accent colour").isGreaterThan(20);
        // Outside the title-safe area the clip is untouched.
        for (int y = bottom + 2; y < FORMAT.height(); y++) {
            assertThat(distance(withCue.getRGB(FORMAT.width() / 2, y) & 0xFFFFFF, RED)).isLessThan(16);
        }
        for (int y = top; y < FORMAT.height(); y += 3) {
            for (int x = 0; x < FORMAT.width(); x += 3) {
                assertThat(distance(without.getRGB(x, y) & 0xFFFFFF, GREEN)).as("no caption at (%d,%d)", x, y).isLessThan(16);
            }
        }
    }

    @Test
    void isFaststart() {
        List<String> atoms = MediaProbe.topLevelAtoms(video);
        assertThat(atoms).contains("ftyp", "moov", "mdat");
        assertThat(atoms.indexOf("moov")).isLessThan(atoms.indexOf("mdat"));
        assertThat(MediaProbe.isFaststart(video)).isTrue();
    }

    @Test
    void posterIsTheFrameWithoutCaptions() throws Exception {
        BufferedImage image = ImageIO.read(poster.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
        assertThat(distance(centre(image), GREEN)).isLessThan(12);
    }

    @Test
    void progressIsReportedAndClipsStreamed() {
        assertThat(events.getFirst()).isEqualTo("start assemble 165");
        assertThat(events).contains("at 15", "at 165");
        assertThat(events.getLast()).isEqualTo("finish assemble");
        assertThat(assembler.lastRun().maxOpenSegments()).isLessThanOrEqualTo(2);
        assertThat(TestMedia.OPEN.get()).as("every clip closed").isZero();
    }

    @Test
    void leavesNoPartialFiles() throws Exception {
        try (Stream<Path> files = Files.list(video.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("video.mp4", "poster.jpg");
        }
    }

    @Test
    void aFailingDecoderLeavesNoVideo() throws Exception {
        Path out = dir.resolve("failed");
        Path bad = Files.writeString(dir.resolve("broken.fail"), "x");
        Timeline broken = new Timeline(FORMAT, List.of(new ClipSegment("broken", bad, 0, 60)), 0, List.of(), null, -18,
                List.of(), CaptionStyle.PLAIN, Brand.DEFAULT, 0);
        FfmpegVideoAssembler failing = new FfmpegVideoAssembler(List.of(new TestMedia.FailingDecoder()));
        assertThatThrownBy(() -> failing.assemble(broken, out.resolve("video.mp4"), out.resolve("poster.jpg"), ProgressListener.NONE))
                .isInstanceOf(ReelwrightException.class)
                .hasMessageContaining("corrupt packet");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aClipNoDecoderAcceptsIsReported() {
        Path out = dir.resolve("nodecoder");
        Timeline t = new Timeline(FORMAT, List.of(new ClipSegment("x", dir.resolve("clip.xyz"), 0, 30)), 0, List.of(), null, -18,
                List.of(), CaptionStyle.PLAIN, Brand.DEFAULT, 0);
        assertThatThrownBy(() -> new FfmpegVideoAssembler(List.of(new TestMedia.ColourDecoder()))
                        .assemble(t, out.resolve("video.mp4"), out.resolve("poster.jpg"), ProgressListener.NONE))
                .isInstanceOf(ReelwrightException.class)
                .hasMessageContaining("no decoder");
        assertThat(out.resolve("video.mp4")).doesNotExist();
    }
}
