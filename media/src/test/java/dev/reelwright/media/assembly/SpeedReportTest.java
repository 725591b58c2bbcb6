package dev.reelwright.media.assembly;

import dev.reelwright.core.model.Brand;
import dev.reelwright.core.model.CaptionStyle;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.progress.ProgressListener;
import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.core.timeline.CaptionCue;
import dev.reelwright.core.timeline.Timeline;
import dev.reelwright.media.TestMedia;
import dev.reelwright.media.decode.FfmpegClipDecoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints (asserts nothing) frames per second at 1920x1080: the bare encode limit, and full assemblies with real
 * H.264 clips and with flat test clips. Run with {@code -Dreelwright.bench=true -Dtest=SpeedReportTest}.
 */
@EnabledIfSystemProperty(named = "reelwright.bench", matches = "true")
class SpeedReportTest {
    static final VideoFormat HD = new VideoFormat(1920, 1080, 30);
    static final int FRAMES = 300;

    @TempDir
    Path dir;

    @Test
    void report() {
        EncoderSettings settings = EncoderSettings.DEFAULT;
        // Two 1080p H.264 source clips, 5 s each, made with the same synthetic footage.
        int[][] footage = EncoderBench.syntheticFrames(HD, 12);
        Path clipA = dir.resolve("a.mp4"), clipB = dir.resolve("b.mp4");
        encodeClip(clipA, footage, 150, 0);
        encodeClip(clipB, footage, 150, 6);

        EncoderBench.Result bare = EncoderBench.run(HD, FRAMES, settings, footage);
        System.out.println(bare);

        Path voice = TestMedia.toneWav(dir.resolve("voice.wav"), 8, 16_000, 220, 0.3);
        Timeline real = timeline(clipA, clipB, voice);
        FfmpegVideoAssembler assembler = new FfmpegVideoAssembler(List.of(new FfmpegClipDecoder()), settings);
        assembler.assemble(real, dir.resolve("real.mp4"), dir.resolve("real.jpg"), ProgressListener.NONE);
        print("assemble, H.264 clips decoded", assembler.lastRun());

        Timeline flat = timeline(TestMedia.colourClip(dir, "a", 0x336699), TestMedia.colourClip(dir, "b", 0x993366), voice);
        FfmpegVideoAssembler flatAssembler = new FfmpegVideoAssembler(List.of(new TestMedia.ColourDecoder()), settings);
        flatAssembler.assemble(flat, dir.resolve("flat.mp4"), dir.resolve("flat.jpg"), ProgressListener.NONE);
        print("assemble, flat test clips", flatAssembler.lastRun());
    }

    private static void print(String what, FfmpegVideoAssembler.Run run) {
        System.out.printf(Locale.ROOT, "%s %s, %d frames: %.2f s = %.1f frames/s (render thread busy %.2f s, encoder busy %.2f s)%n",
                what, HD, run.frames(), run.seconds(), run.framesPerSecond(), run.renderBusySeconds(), run.encodeBusySeconds());
    }

    private static Timeline timeline(Path a, Path b, Path voice) {
        List<CaptionCue> cues = new ArrayList<>();
        for (double t = 2.0; t < 9.5; t += 1.5) {
            cues.add(new CaptionCue(t, t + 1.4, List.of(
                    List.of(new WordTiming("Captions", t, t + 0.3), new WordTiming("on", t + 0.3, t + 0.5), new WordTiming("every", t + 0.5, t + 0.8)),
                    List.of(new WordTiming("frame", t + 0.8, t + 1.0), new WordTiming("of", t + 1.0, t + 1.1), new WordTiming("this", t + 1.1, t + 1.4)))));
        }
        return new Timeline(HD,
                List.of(new Timeline.CardSegment("A Benchmark Title", "subtitle", 0, 60),
                        new Timeline.ClipSegment("a", a, 60, 120),
                        new Timeline.ClipSegment("b", b, 180, 120)),
                12, List.of(new Timeline.VoiceClip(voice, 60)), null, -18, cues, CaptionStyle.HIGHLIGHT, Brand.DEFAULT, 100);
    }

    private static void encodeClip(Path file, int[][] footage, int frames, int offset) {
        FramePacket packet = new FramePacket(HD, 1600);
        try (VideoEncoder encoder = new VideoEncoder(file, HD, EncoderSettings.DEFAULT)) {
            for (int f = 0; f < frames; f++) {
                packet.setPixels(footage[(f + offset) % footage.length]);
                encoder.video(packet.picture);
                encoder.audio(packet.left, packet.right, 1600);
            }
            encoder.finish();
        }
    }
}
