package dev.reelwright.media.audio;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.media.Ffmpeg;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A music file played round and round as stereo at the mix rate, decoded a little at a time (FFmpeg resamples;
 * mono plays at full level on both sides, surround is folded down).
 * Each pass ends with a 15 ms fade out and the next starts with a 15 ms fade in, so the seam never clicks.
 */
public final class MusicLoop implements AutoCloseable {
    private static final int SEAM_MS = 15;

    private final Path file;
    private final int rate;
    private final int seam;
    private FFmpegFrameGrabber grabber;
    private float[] left = new float[16384];
    private float[] right = new float[16384];
    private int readAt;
    private int writeAt;
    /** Samples of the current pass written so far, for the fade in. */
    private long passWritten;
    private boolean anySamples;

    public MusicLoop(Path file, int rate) {
        if (!Files.isRegularFile(file)) throw new ReelwrightException("music file " + file + " does not exist");
        this.file = file;
        this.rate = rate;
        this.seam = Math.max(1, rate * SEAM_MS / 1000);
        open();
    }

    private void open() {
        Ffmpeg.load();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        g.setSampleMode(FrameGrabber.SampleMode.FLOAT);
        g.setSampleRate(rate);
        try {
            g.start();
            // Mono stays mono (we copy it to both sides at full level; FFmpeg's upmix would drop it 3 dB);
            // surround is folded down to stereo.
            if (g.getAudioChannels() > 2) g.setAudioChannels(2);
        } catch (FrameGrabber.Exception e) {
            release(g);
            throw Ffmpeg.failure("opening music " + file, e);
        }
        if (!g.hasAudio()) {
            release(g);
            throw new ReelwrightException("music file " + file + " has no audio stream");
        }
        grabber = g;
        passWritten = 0;
    }

    /** Fills {@code count} stereo samples. */
    public void read(float[] outLeft, float[] outRight, int count) {
        // Keep a seam's worth decoded beyond what we hand out, so a pass's end can be faded before it is played.
        while (writeAt - readAt < count + seam) {
            if (!decodeMore()) {
                if (!anySamples) throw new ReelwrightException("music file " + file + " decodes to no samples");
                fadeTail();
                release(grabber);
                open();
            }
        }
        System.arraycopy(left, readAt, outLeft, 0, count);
        System.arraycopy(right, readAt, outRight, 0, count);
        readAt += count;
    }

    private boolean decodeMore() {
        Frame frame;
        try {
            frame = grabber.grabSamples();
        } catch (FrameGrabber.Exception e) {
            throw Ffmpeg.failure("decoding music " + file, e);
        }
        if (frame == null) return false;
        if (frame.samples == null) return true;
        int channels = Math.max(1, frame.audioChannels);
        boolean planar = frame.samples.length > 1;
        FloatBuffer first = (FloatBuffer) frame.samples[0];
        int n = planar ? first.remaining() : first.remaining() / channels;
        ensureRoom(n);
        for (int i = 0; i < n; i++) {
            float l, r;
            if (planar) {
                l = first.get(first.position() + i);
                r = ((FloatBuffer) frame.samples[1]).get(frame.samples[1].position() + i);
            } else {
                l = first.get(first.position() + i * channels);
                r = channels > 1 ? first.get(first.position() + i * channels + 1) : l;
            }
            if (passWritten < seam) {
                float g = (passWritten + 0.5f) / seam;
                l *= g;
                r *= g;
            }
            passWritten++;
            left[writeAt] = l;
            right[writeAt] = r;
            writeAt++;
        }
        if (n > 0) anySamples = true;
        return true;
    }

    private void fadeTail() {
        int n = Math.min(seam, writeAt - readAt);
        for (int i = 0; i < n; i++) {
            float g = (n - i - 0.5f) / n;
            left[writeAt - n + i] *= g;
            right[writeAt - n + i] *= g;
        }
    }

    private void ensureRoom(int n) {
        if (writeAt + n <= left.length) return;
        int live = writeAt - readAt;
        if (readAt > 0) {
            System.arraycopy(left, readAt, left, 0, live);
            System.arraycopy(right, readAt, right, 0, live);
            readAt = 0;
            writeAt = live;
        }
        if (writeAt + n > left.length) {
            int size = Math.max(left.length * 2, writeAt + n);
            left = java.util.Arrays.copyOf(left, size);
            right = java.util.Arrays.copyOf(right, size);
        }
    }

    @Override
    public void close() {
        if (grabber != null) {
            release(grabber);
            grabber = null;
        }
    }

    private static void release(FFmpegFrameGrabber g) {
        try {
            g.stop();
            g.release();
        } catch (Exception ignored) {
            // done with it
        }
    }
}
