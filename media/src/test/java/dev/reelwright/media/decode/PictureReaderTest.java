package dev.reelwright.media.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelwright.core.error.InputException;
import dev.reelwright.media.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PictureReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryPictureInOrderWithItsTimeAndPlanes() {
        // Frame k is grey level 10k: the luma plane says which frame came out. An audio track is interleaved.
        Path clip = TestMedia.writeClip(dir.resolve("grey.mp4"), 160, 120, 24, 20, k -> TestMedia.solid(160, 120, grey(10 * k)), 0.2);
        List<Integer> lumas = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        try (PictureReader reader = PictureReader.open(clip, Map.of("threads", "1"))) {
            assertThat(dev.reelwright.media.MediaProbe.describe(reader.format()).width()).isEqualTo(160);
            AVFrame picture;
            while ((picture = reader.next()) != null) {
                assertThat(picture.width()).isEqualTo(160);
                assertThat(picture.height()).isEqualTo(120);
                lumas.add(picture.data(0).get(60L * picture.linesize(0) + 80) & 0xFF);
                seconds.add(reader.seconds(picture));
            }
            assertThat(reader.next()).as("stays at the end").isNull();
        }
        assertThat(lumas).hasSize(20);
        for (int k = 0; k < 20; k++) {
            // Limited-range luma of grey level g is 16 + g * 219 / 255.
            assertThat(lumas.get(k)).as("frame %d", k).isCloseTo(16 + 10 * k * 219 / 255, within(3));
            assertThat(seconds.get(k) - seconds.get(0)).as("time of frame %d", k).isCloseTo(k / 24.0, within(1e-3));
        }
    }

    @Test
    void decoderOptionsAreChosenForTheStreamsFrameSize() {
        Path clip = TestMedia.writeClip(dir.resolve("one.mkv"), 64, 48, 30, 3, k -> TestMedia.solid(64, 48, 0x808080), -1);
        List<String> asked = new ArrayList<>();
        int pictures = 0;
        try (PictureReader reader = PictureReader.open(clip, (width, height) -> {
            asked.add(width + "x" + height);
            return Map.of("threads", "1", "skip_loop_filter", "all");
        })) {
            while (reader.next() != null) pictures++;
        }
        assertThat(asked).containsExactly("64x48");
        assertThat(pictures).isEqualTo(3);
    }

    @Test
    void refusesWhatItCannotRead() throws Exception {
        assertThatThrownBy(() -> PictureReader.open(dir.resolve("missing.mp4"), Map.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("no such file");
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all");
        assertThatThrownBy(() -> PictureReader.open(text, Map.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("notes.mp4");
        Path audio = TestMedia.toneWav(dir.resolve("tone.wav"), 0.5, 44_100, 440, 0.5);
        assertThatThrownBy(() -> PictureReader.open(audio, Map.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("has no video stream");
    }

    private static int grey(int level) {
        return level << 16 | level << 8 | level;
    }
}
