package dev.reelwright.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VoiceLevelerTest {
    static float[] tone(double amplitude, double seconds) {
        return SincResamplerTest.sine(16_000, 220, seconds, amplitude);
    }

    @Test
    void bringsSpeechToTheTargetLoudness() {
        float quiet = VoiceLeveler.gain(tone(0.05, 1), 16_000);
        assertThat(quiet * 0.05 / Math.sqrt(2)).isCloseTo(VoiceLeveler.TARGET_RMS, within(0.005));
    }

    @Test
    void neverPushesPeaksPastTheCeiling() {
        // A spiky take: loud clicks on quiet speech.
        float[] s = tone(0.02, 1);
        s[100] = 0.9f;
        float gain = VoiceLeveler.gain(s, 16_000);
        assertThat(gain * 0.9).isLessThanOrEqualTo(VoiceLeveler.PEAK_CEILING + 1e-4);
        assertThat(VoiceLeveler.gain(tone(0.99, 1), 16_000) * 0.99).isLessThanOrEqualTo(VoiceLeveler.PEAK_CEILING + 1e-4);
    }

    @Test
    void pausesDoNotCount() {
        float[] continuous = tone(0.1, 1);
        float[] withPauses = new float[48_000];
        System.arraycopy(continuous, 0, withPauses, 16_000, 16_000);
        assertThat(VoiceLeveler.gain(withPauses, 16_000)).isCloseTo(VoiceLeveler.gain(continuous, 16_000), within(0.05f));
    }

    @Test
    void silenceAndNoiseAreNotBlownUp() {
        assertThat(VoiceLeveler.gain(new float[16_000], 16_000)).isEqualTo(1f);
        assertThat(VoiceLeveler.gain(tone(0.001, 1), 16_000)).isLessThanOrEqualTo((float) VoiceLeveler.MAX_GAIN);
    }

    @Test
    void softLimiterNeverClipsAndLeavesQuietAudioAlone() {
        assertThat(SoftLimiter.apply(0.5f)).isEqualTo(0.5f);
        assertThat(SoftLimiter.apply(-0.85f)).isEqualTo(-0.85f);
        float previous = 0;
        for (float x = 0; x < 10; x += 0.01f) {
            float y = SoftLimiter.apply(x);
            assertThat(y).isLessThan(SoftLimiter.CEILING + 1e-6f).isGreaterThanOrEqualTo(previous);
            assertThat(SoftLimiter.apply(-x)).isEqualTo(-y);
            previous = y;
        }
        assertThat(SoftLimiter.apply(0.86f)).isCloseTo(0.86f, within(0.001f));
    }
}
