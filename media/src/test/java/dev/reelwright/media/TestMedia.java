package dev.reelwright.media;

import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.spi.ClipDecoder;
import dev.reelwright.core.spi.FrameSource;
import dev.reelwright.media.audio.WavFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixtures: clips of one solid colour (".test" files), a decoder that breaks (".fail"), tone WAVs. */
public final class TestMedia {
    private TestMedia() {}

    /** Open sources right now, across all test decoders (to check streaming). */
    public static final AtomicInteger OPEN = new AtomicInteger();

    /** Creates {@code dir/name.test} whose frames are all {@code rgb}. */
    public static Path colourClip(Path dir, String name, int rgb) {
        Path file = dir.resolve(name + ".test");
        try {
            Files.writeString(file, String.format(Locale.ROOT, "%06X", rgb));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Solid-colour clips: the file holds the colour as hex. Frames past the end repeat (there is no end). */
    public static final class ColourDecoder implements ClipDecoder {
        @Override
        public boolean accepts(Path clip) {
            return clip.toString().endsWith(".test");
        }

        @Override
        public FrameSource open(Path clip, VideoFormat format) {
            int rgb;
            try {
                rgb = Integer.parseInt(Files.readString(clip).strip(), 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            OPEN.incrementAndGet();
            return new FrameSource() {
                private boolean closed;

                @Override
                public int frameCount() {
                    return 100_000;
                }

                @Override
                public void read(int index, int[] out) {
                    if (closed) throw new IllegalStateException("read after close");
                    java.util.Arrays.fill(out, 0, format.width() * format.height(), rgb);
                }

                @Override
                public void close() {
                    if (!closed) OPEN.decrementAndGet();
                    closed = true;
                }
            };
        }
    }

    /** Accepts ".fail" clips and breaks after a few frames, like a corrupt file. */
    public static final class FailingDecoder implements ClipDecoder {
        @Override
        public boolean accepts(Path clip) {
            return clip.toString().endsWith(".fail");
        }

        @Override
        public FrameSource open(Path clip, VideoFormat format) {
            return new FrameSource() {
                @Override
                public int frameCount() {
                    return 1000;
                }

                @Override
                public void read(int index, int[] rgb) {
                    if (index >= 5) throw new IllegalStateException("corrupt packet in " + clip.getFileName());
                    java.util.Arrays.fill(rgb, 0x336699);
                }

                @Override
                public void close() {}
            };
        }
    }

    /** A sine tone as a mono 16-bit WAV. */
    public static Path toneWav(Path file, double seconds, int rate, double hz, double amplitude) {
        float[] samples = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < samples.length; i++) samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        WavFile.writeMono16(file, samples, rate);
        return file;
    }

    /**
     * Writes a small H.264 clip (container from the file name) whose frame {@code i} is {@code picture.apply(i)}
     * (0xRRGGBB, width * height), at a high quality so colours survive; with {@code toneAfter >= 0} a mono
     * 44.1 kHz AAC track is added: silence, then a 0.5 amplitude 440 Hz tone from {@code toneAfter} seconds.
     */
    public static Path writeClip(Path file, int width, int height, double fps, int frames,
            java.util.function.IntFunction<int[]> picture, double toneAfter) {
        dev.reelwright.media.Ffmpeg.load();
        org.bytedeco.javacv.FFmpegFrameRecorder r = new org.bytedeco.javacv.FFmpegFrameRecorder(file.toFile(), width, height, toneAfter >= 0 ? 1 : 0);
        r.setVideoCodecName("libx264");
        r.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
        r.setFrameRate(fps);
        r.setVideoOption("crf", "12");
        r.setVideoOption("preset", "ultrafast");
        if (toneAfter >= 0) {
            r.setAudioCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC);
            r.setSampleRate(44_100);
            r.setAudioBitrate(128_000);
        }
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(width * height * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        try {
            r.start();
            long written = 0;
            for (int i = 0; i < frames; i++) {
                buf.asIntBuffer().put(picture.apply(i));
                r.recordImage(width, height, org.bytedeco.javacv.Frame.DEPTH_UBYTE, 4, width * 4,
                        org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0, buf);
                if (toneAfter >= 0) {
                    long until = Math.round((i + 1) / fps * 44_100);
                    float[] chunk = new float[(int) (until - written)];
                    for (int k = 0; k < chunk.length; k++) {
                        double t = (written + k) / 44_100.0;
                        chunk[k] = t < toneAfter ? 0f : (float) (0.5 * Math.sin(2 * Math.PI * 440 * t));
                    }
                    r.recordSamples(44_100, 1, java.nio.FloatBuffer.wrap(chunk));
                    written = until;
                }
            }
            r.stop();
            r.release();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write test clip " + file, e);
        }
        return file;
    }

    /** A frame of one colour. */
    public static int[] solid(int width, int height, int rgb) {
        int[] p = new int[width * height];
        java.util.Arrays.fill(p, rgb);
        return p;
    }

    public static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    public static int green(int rgb) {
        return (rgb >> 8) & 0xFF;
    }

    public static int blue(int rgb) {
        return rgb & 0xFF;
    }

    /** Largest per-channel difference. */
    public static int distance(int a, int b) {
        return Math.max(Math.abs(red(a) - red(b)), Math.max(Math.abs(green(a) - green(b)), Math.abs(blue(a) - blue(b))));
    }
}
