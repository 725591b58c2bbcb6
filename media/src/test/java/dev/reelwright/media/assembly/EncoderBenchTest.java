package dev.reelwright.media.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.media.TestMedia;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderBenchTest {
    @Test
    void timesABareEncode() {
        EncoderBench.Result result = EncoderBench.run(new VideoFormat(320, 180, 30), 20, EncoderSettings.DEFAULT);
        assertThat(result.frames()).isEqualTo(20);
        assertThat(result.seconds()).isPositive();
        assertThat(result.bytes()).isPositive();
        assertThat(result.framesPerSecond()).isPositive();
        assertThat(result.toString()).contains("320x180");
    }

    @Test
    void syntheticFramesMove() {
        int[][] frames = EncoderBench.syntheticFrames(new VideoFormat(64, 36, 30), 3);
        assertThat(frames).hasNumberOfRows(3);
        assertThat(frames[0]).isNotEqualTo(frames[1]);
        assertThat(frames[0]).hasSize(64 * 36);
    }

    @Test
    void timesTheEncodeOfAVideosOwnFramesChunkByChunk(@TempDir Path dir) {
        int[][] frames = EncoderBench.syntheticFrames(new VideoFormat(96, 54, 25), 4);
        Path video = TestMedia.writeClip(dir.resolve("own.mp4"), 96, 54, 25, 23, i -> frames[i % 4], -1);
        // 23 frames in chunks of 10: three encodes, every frame counted once.
        EncoderBench.Result result = EncoderBench.runOnFramesOf(video, EncoderSettings.DEFAULT, 10);
        assertThat(result.frames()).isEqualTo(23);
        assertThat(result.format()).isEqualTo(new VideoFormat(96, 54, 25));
        assertThat(result.seconds()).isPositive();
        assertThat(result.bytes()).isPositive();
    }

    @Test
    void chunksHoldEachDecodedFrameInItsOwnMemory(@TempDir Path dir) {
        // Frame i is a flat grey of 10 * i: every chunk slot must hold its own frame, in order.
        Path video = TestMedia.writeClip(dir.resolve("greys.mp4"), 64, 36, 25, 23, i -> TestMedia.solid(64, 36, 0x010101 * (10 * i)), -1);
        java.util.List<Integer> greys = new java.util.ArrayList<>();
        EncoderBench.forEachChunk(video, 10, (format, chunk, count) -> {
            for (int f = 0; f < count; f++) greys.add(chunk[f].get(64 * 18 * 4 + 32 * 4 + 1) & 0xFF); // green of a middle pixel
        });
        assertThat(greys).hasSize(23);
        for (int i = 0; i < 23; i++) assertThat(greys.get(i)).as("frame %d", i).isCloseTo(10 * i, org.assertj.core.data.Offset.offset(3));
    }
}
