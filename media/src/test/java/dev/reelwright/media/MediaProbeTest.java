package dev.reelwright.media;

import static dev.reelwright.media.TestMedia.distance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelwright.core.error.ReelwrightException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trip: write a clip with known properties with FFmpeg, read them back with {@link MediaProbe}. */
class MediaProbeTest {
    static final int RED = 0xE01010, BLUE = 0x1030E0;

    @TempDir
    static Path dir;

    static Path clip;

    @BeforeAll
    static void write() {
        // 2 s at 25 fps: red for the first second, blue for the second; audio silent then a tone.
        clip = TestMedia.writeClip(dir.resolve("known.mp4"), 160, 120, 25, 50,
                i -> TestMedia.solid(160, 120, i < 25 ? RED : BLUE), 1.0);
    }

    @Test
    void probeReadsTheStreams() {
        MediaProbe.Info info = MediaProbe.probe(clip);
        assertThat(info.hasVideo()).isTrue();
        assertThat(info.hasAudio()).isTrue();
        assertThat(info.width()).isEqualTo(160);
        assertThat(info.height()).isEqualTo(120);
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.fps()).isCloseTo(25.0, within(0.01));
        assertThat(info.videoFrames()).isEqualTo(50);
        assertThat(info.videoSeconds()).isCloseTo(2.0, within(0.04));
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.sampleRate()).isEqualTo(44_100);
        assertThat(info.channels()).isEqualTo(1);
        assertThat(info.audioSeconds()).isCloseTo(2.0, within(0.05));
        assertThat(info.seconds()).isCloseTo(2.0, within(0.05));
    }

    @Test
    void frameAtPicksThePictureShownAtThatTime() {
        BufferedImage early = MediaProbe.frameAt(clip, 0.5);
        assertThat(early.getWidth()).isEqualTo(160);
        assertThat(distance(early.getRGB(80, 60) & 0xFFFFFF, RED)).isLessThan(10);
        assertThat(distance(MediaProbe.frameAt(clip, 1.5).getRGB(80, 60) & 0xFFFFFF, BLUE)).isLessThan(10);
        // The boundary: frame 24 (0.96 s) is the last red one, frame 25 (1.0 s) the first blue one.
        assertThat(distance(MediaProbe.frameAt(clip, 0.99).getRGB(80, 60) & 0xFFFFFF, RED)).isLessThan(10);
        assertThat(distance(MediaProbe.frameAt(clip, 1.001).getRGB(80, 60) & 0xFFFFFF, BLUE)).isLessThan(10);
        assertThat(distance(MediaProbe.frameAt(clip, 0).getRGB(80, 60) & 0xFFFFFF, RED)).isLessThan(10);
    }

    @Test
    void audioRmsMeasuresLoudness() {
        assertThat(MediaProbe.audioRms(clip, 0.1, 0.9)).isLessThan(0.002);
        // A 0.5 amplitude sine has an RMS of 0.354.
        assertThat(MediaProbe.audioRms(clip, 1.1, 1.9)).isCloseTo(0.5 / Math.sqrt(2), within(0.03));
    }

    @Test
    void atomsShowAFileWithoutFaststart() {
        // Written without +faststart: the index comes last.
        assertThat(MediaProbe.topLevelAtoms(clip)).containsSubsequence("ftyp", "mdat", "moov");
        assertThat(MediaProbe.isFaststart(clip)).isFalse();
    }

    @Test
    void missingFilesAreReported() {
        assertThatThrownBy(() -> MediaProbe.probe(dir.resolve("nope.mp4"))).isInstanceOf(ReelwrightException.class).hasMessageContaining("nope.mp4");
    }
}
