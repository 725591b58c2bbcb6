package dev.reelwright.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SincResamplerTest {
    static float[] sine(int rate, double hz, double seconds, double amplitude) {
        float[] s = new float[(int) (rate * seconds)];
        for (int i = 0; i < s.length; i++) s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        return s;
    }

    /** Largest error against the ideal sine, away from the edges where the kernel runs off the clip. */
    static double maxError(SincResampler r, int outRate, double hz, double amplitude) {
        double max = 0;
        int margin = outRate / 50;
        for (long n = margin; n < r.outputLength() - margin; n++) {
            double ideal = amplitude * Math.sin(2 * Math.PI * hz * n / outRate);
            max = Math.max(max, Math.abs(r.sample(n) - ideal));
        }
        return max;
    }

    @Test
    void upsamples16kTo48kAccurately() {
        SincResampler r = new SincResampler(sine(16_000, 1000, 0.5, 0.8), 16_000, 48_000);
        assertThat(r.outputLength()).isEqualTo(24_000);
        assertThat(maxError(r, 48_000, 1000, 0.8)).isLessThan(1e-3);
        // Speech band near the top of the input spectrum still passes cleanly.
        SincResampler high = new SincResampler(sine(16_000, 6000, 0.5, 0.8), 16_000, 48_000);
        assertThat(maxError(high, 48_000, 6000, 0.8)).isLessThan(5e-3);
    }

    @Test
    void handlesAnIrregularRatio() {
        SincResampler r = new SincResampler(sine(44_100, 440, 0.5, 0.5), 44_100, 48_000);
        assertThat(r.outputLength()).isEqualTo(24_000);
        assertThat(maxError(r, 48_000, 440, 0.5)).isLessThan(2e-3);
    }

    @Test
    void sameRateIsACopy() {
        float[] in = sine(48_000, 300, 0.1, 0.5);
        SincResampler r = new SincResampler(in, 48_000, 48_000);
        for (int i = 0; i < in.length; i++) assertThat(r.sample(i)).isEqualTo(in[i]);
        assertThat(r.sample(-1)).isZero();
        assertThat(r.sample(in.length)).isZero();
    }

    @Test
    void downsamplingRemovesWhatCannotBeRepresented() {
        // 30 kHz cannot exist at 48 kHz: it must be filtered, not folded down to 18 kHz.
        SincResampler r = new SincResampler(sine(96_000, 30_000, 0.2, 0.5), 96_000, 48_000);
        double sum = 0;
        for (long n = 500; n < r.outputLength() - 500; n++) sum += r.sample(n) * r.sample(n);
        assertThat(Math.sqrt(sum / (r.outputLength() - 1000))).isLessThan(0.005);
        SincResampler pass = new SincResampler(sine(96_000, 1000, 0.2, 0.5), 96_000, 48_000);
        assertThat(maxError(pass, 48_000, 1000, 0.5)).isLessThan(2e-3);
    }

    @Test
    void addToAccumulatesWithGainInsideTheClipOnly() {
        float[] in = new float[160];
        java.util.Arrays.fill(in, 0.5f);
        SincResampler r = new SincResampler(in, 16_000, 48_000);
        float[] dst = new float[600];
        java.util.Arrays.fill(dst, 0.1f);
        r.addTo(-100, dst, 0, 600, 2f);
        assertThat(dst[0]).isEqualTo(0.1f); // before the clip
        assertThat(dst[100 + 240]).isCloseTo(1.1f, org.assertj.core.data.Offset.offset(1e-3f)); // middle of the clip
        assertThat(dst[599]).isEqualTo(0.1f); // after it (480 samples long)
    }
}
