package dev.reelwright.local.speech;

import com.sun.speech.freetts.audio.AudioPlayer;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;

/**
 * A FreeTTS {@link AudioPlayer} that plays nothing: it keeps the samples in memory, so synthesis works on a
 * headless machine and we know how many samples every utterance starts after.
 *
 * <p>FreeTTS's {@code relp.AudioOutput} announces the format once per utterance ({@code setAudioFormat}, built
 * from the voice's {@code SampleInfo}: signed 16-bit mono, big-endian), then {@code relp.LPCResult.playWaveSamples}
 * calls {@code begin(size)}, {@code write(...)} for whole samples (a high byte, then a low byte), and {@code end()}.
 * Playback controls (pause, volume, timers) mean nothing here and are no-ops. Used by one thread at a time, under
 * the synthesiser's lock.
 */
final class PcmCapture implements AudioPlayer {
    private static final int INITIAL_BYTES = 64 * 1024;

    private ByteArrayOutputStream bytes = new ByteArrayOutputStream(INITIAL_BYTES);
    private AudioFormat format;
    private float volume = 1f;

    /** Forgets the audio of the previous call (and its buffer, which may be minutes long); the format stays. */
    void clear() {
        bytes = new ByteArrayOutputStream(INITIAL_BYTES);
    }

    /** Whole samples captured so far. */
    int sampleCount() {
        return bytes.size() / 2;
    }

    /** The format FreeTTS last announced, or null if it has produced no audio yet. */
    AudioFormat format() {
        return format;
    }

    /** The captured audio as signed 16-bit little-endian PCM (what a WAV file holds). */
    byte[] littleEndianPcm() {
        if (format == null) return new byte[0];
        if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || format.getSampleSizeInBits() != 16
                || format.getChannels() != 1) {
            throw new IllegalStateException("FreeTTS produced unexpected audio: " + format);
        }
        byte[] pcm = bytes.toByteArray();
        int length = pcm.length & ~1; // a trailing half sample would be a FreeTTS bug; drop it rather than misalign
        if (format.isBigEndian()) {
            for (int i = 0; i < length; i += 2) {
                byte high = pcm[i];
                pcm[i] = pcm[i + 1];
                pcm[i + 1] = high;
            }
        }
        return length == pcm.length ? pcm : Arrays.copyOf(pcm, length);
    }

    @Override
    public void setAudioFormat(AudioFormat format) {
        this.format = format;
    }

    @Override
    public AudioFormat getAudioFormat() {
        return format;
    }

    @Override
    public boolean write(byte[] audioData) {
        return write(audioData, 0, audioData.length);
    }

    @Override
    public boolean write(byte[] audioData, int offset, int size) {
        bytes.write(audioData, offset, size);
        return true;
    }

    @Override
    public void begin(int size) {}

    @Override
    public boolean end() {
        return true;
    }

    @Override
    public void reset() {} // called by Voice.outputUtterance before an utterance marked first; clear() is ours

    @Override
    public boolean drain() {
        return true;
    }

    @Override
    public void pause() {}

    @Override
    public void resume() {}

    @Override
    public void cancel() {}

    @Override
    public void close() {}

    @Override
    public float getVolume() {
        return volume;
    }

    @Override
    public void setVolume(float volume) {
        this.volume = volume; // players apply volume as line gain, never to the samples; nothing to do here
    }

    @Override
    public long getTime() {
        return 0;
    }

    @Override
    public void resetTime() {}

    @Override
    public void startFirstSampleTimer() {}

    @Override
    public void showMetrics() {}
}
