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
 * A voice clip's samples: WAV files are read directly; anything else (an MP3 from a speech vendor) is decoded by the
 * in-process FFmpeg. Either way the result is mono floats at the file's own rate.
 */
public record VoiceAudio(float[] samples, int sampleRate) {

    /** How long the clip is, in samples at {@code rate}, read from the header where possible. */
    public static long length(Path file, int rate) {
        requireFile(file);
        if (WavFile.looksLikeWav(file)) {
            WavFile.Header header = WavFile.readHeader(file);
            return (header.frames() * rate + header.sampleRate() - 1) / header.sampleRate();
        }
        FFmpegFrameGrabber grabber = grabber(file);
        try {
            return (long) Math.ceil(grabber.getLengthInTime() / 1e6 * rate);
        } finally {
            release(grabber);
        }
    }

    public static VoiceAudio load(Path file) {
        requireFile(file);
        if (WavFile.looksLikeWav(file)) {
            WavFile.Header header = WavFile.readHeader(file);
            return new VoiceAudio(WavFile.readMono(file, header), header.sampleRate());
        }
        FFmpegFrameGrabber grabber = grabber(file);
        try {
            int rate = grabber.getSampleRate();
            float[] out = new float[Math.max(1024, (int) Math.ceil(grabber.getLengthInTime() / 1e6 * rate) + 1024)];
            int n = 0;
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                if (frame.samples == null) continue;
                FloatBuffer samples = (FloatBuffer) frame.samples[0];
                int count = samples.remaining();
                if (n + count > out.length) out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, n + count));
                samples.duplicate().get(out, n, count);
                n += count;
            }
            return new VoiceAudio(java.util.Arrays.copyOf(out, n), rate);
        } catch (FrameGrabber.Exception e) {
            throw Ffmpeg.failure("decoding voice " + file, e);
        } finally {
            release(grabber);
        }
    }

    private static FFmpegFrameGrabber grabber(Path file) {
        Ffmpeg.load();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
        grabber.setAudioChannels(1);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            release(grabber);
            throw Ffmpeg.failure("opening voice " + file, e);
        }
        if (!grabber.hasAudio()) {
            release(grabber);
            throw new ReelwrightException("voice file " + file + " has no audio");
        }
        return grabber;
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) throw new ReelwrightException("voice file " + file + " does not exist");
    }

    private static void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.stop();
            grabber.release();
        } catch (Exception ignored) {
            // done with it
        }
    }
}
