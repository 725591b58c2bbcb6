package dev.reelwright.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelwright.core.model.Brand;
import dev.reelwright.core.model.CaptionStyle;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.timeline.Timeline;
import dev.reelwright.media.TestMedia;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioMixerTest {
    @TempDir
    Path dir;

    static Timeline timeline(int fps, int frames, List<Timeline.VoiceClip> voices, Path music, double musicDb) {
        return new Timeline(new VideoFormat(320, 180, fps), List.of(new Timeline.CardSegment("t", null, 0, frames)), 0, voices, music,
                musicDb, List.of(), CaptionStyle.PLAIN, Brand.DEFAULT, 0);
    }

    /** The whole track, left channel, mixed frame by frame. */
    static float[][] render(Timeline t) {
        try (AudioMixer mixer = new AudioMixer(t)) {
            float[] left = new float[(int) mixer.totalSamples()], right = new float[left.length];
            float[] l = new float[mixer.maxSamplesPerFrame()], r = new float[l.length];
            int at = 0;
            for (int f = 0; f < t.totalFrames(); f++) {
                int n = mixer.mixFrame(f, l, r);
                System.arraycopy(l, 0, left, at, n);
                System.arraycopy(r, 0, right, at, n);
                at += n;
            }
            assertThat(at).isEqualTo(left.length);
            return new float[][] {left, right};
        }
    }

    static double rms(float[] s, double from, double to) {
        int a = (int) (from * AudioMixer.SAMPLE_RATE), b = (int) (to * AudioMixer.SAMPLE_RATE);
        double sum = 0;
        for (int i = a; i < b; i++) sum += s[i] * s[i];
        return Math.sqrt(sum / (b - a));
    }

    @Test
    void chunksFollowVideoFramesExactly() {
        try (AudioMixer m = new AudioMixer(timeline(30, 90, List.of(), null, 0))) {
            assertThat(m.totalSamples()).isEqualTo(3 * 48_000);
            assertThat(m.samplesForFrame(0)).isEqualTo(1600);
        }
        try (AudioMixer m = new AudioMixer(timeline(7, 70, List.of(), null, 0))) {
            long sum = 0;
            for (int f = 0; f < 70; f++) {
                assertThat(m.samplesForFrame(f)).isBetween(6857, 6858);
                sum += m.samplesForFrame(f);
            }
            assertThat(sum).isEqualTo(m.totalSamples()).isEqualTo(480_000);
        }
    }

    @Test
    void placesAndLevelsAVoiceAtItsFrame() {
        Path voice = TestMedia.toneWav(dir.resolve("v.wav"), 1.0, 16_000, 300, 0.3);
        float[][] track = render(timeline(30, 90, List.of(new Timeline.VoiceClip(voice, 30)), null, 0));
        float[] left = track[0];
        assertThat(rms(left, 0, 0.99)).isLessThan(1e-3);
        assertThat(rms(left, 2.01, 3)).isLessThan(1e-3);
        assertThat(rms(left, 1.1, 1.9)).isCloseTo(VoiceLeveler.TARGET_RMS, within(0.01));
        // Starts on its sample: silence just before 1.0 s, sound just after (a sine starts at zero, so look at 2 ms).
        assertThat(rms(left, 0.995, 0.999)).isLessThan(0.01);
        assertThat(rms(left, 1.001, 1.003)).isGreaterThan(0.05);
        assertThat(track[1]).containsExactly(left);
    }

    @Test
    void framesMustComeInOrder() {
        try (AudioMixer m = new AudioMixer(timeline(30, 30, List.of(), null, 0))) {
            float[] l = new float[1600], r = new float[1600];
            m.mixFrame(0, l, r);
            assertThatThrownBy(() -> m.mixFrame(2, l, r)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void musicLoopsFadesAndDucksUnderTheVoice() {
        // Half a second of music under a 6 s video; a silent "voice" from 2.5 s to 3.5 s marks where speech is.
        Path music = TestMedia.toneWav(dir.resolve("music.wav"), 0.5, 44_100, 400, 0.5);
        Path voice = TestMedia.toneWav(dir.resolve("silent.wav"), 1.0, 16_000, 300, 0.0);
        float[][] track = render(timeline(30, 180, List.of(new Timeline.VoiceClip(voice, 75)), music, -6));
        float[] left = track[0];
        double full = 0.5 / Math.sqrt(2) * Math.pow(10, -6 / 20.0);
        assertThat(rms(left, 1.2, 2.0)).as("music at its volume, looped").isCloseTo(full, within(full * 0.08));
        assertThat(rms(left, 2.8, 3.4)).as("ducked 6 dB under speech").isCloseTo(full / 2, within(full * 0.06));
        assertThat(rms(left, 4.2, 4.5)).as("back up after the voice").isCloseTo(full, within(full * 0.08));
        assertThat(rms(left, 0, 0.1)).as("fading in").isLessThan(full * 0.1);
        assertThat(Math.abs(left[left.length - 1])).as("faded out").isLessThan(0.001f);
        // No gaps in the loop: every 50 ms stretch away from the ends carries music.
        for (double t = 1.1; t < 2.3; t += 0.05) assertThat(rms(left, t, t + 0.05)).isGreaterThan(full * 0.6);
        // Ducking ramps down smoothly ahead of the voice (away from the loop seams at 2.0 and 2.5 s): 10 ms
        // windows (four periods of the tone) 5 ms apart never differ by more than a few percent.
        double first = rms(left, 2.05, 2.06), last = rms(left, 2.44, 2.45);
        assertThat(last).as("already going down before the voice starts").isLessThan(first * 0.85);
        for (double t = 2.05; t < 2.43; t += 0.005) {
            assertThat(Math.abs(rms(left, t, t + 0.01) - rms(left, t + 0.005, t + 0.015))).isLessThan(full * 0.04);
        }
    }

    @Test
    void theSumNeverClips() {
        Path loudVoice = TestMedia.toneWav(dir.resolve("loud.wav"), 2, 16_000, 200, 0.99);
        Path loudMusic = TestMedia.toneWav(dir.resolve("loudmusic.wav"), 2, 48_000, 250, 0.99);
        float[][] track = render(timeline(30, 90, List.of(new Timeline.VoiceClip(loudVoice, 0)), loudMusic, 6));
        for (float s : track[0]) assertThat(Math.abs(s)).isLessThan(1f);
    }
}
