package dev.reelwright.media.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.model.VideoFormat;
import org.junit.jupiter.api.Test;

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
}
