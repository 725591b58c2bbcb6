package dev.reelwright.media.assembly;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.media.Ffmpeg;
import dev.reelwright.media.audio.AudioMixer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntFunction;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * The speed limit of {@link FfmpegVideoAssembler}: a bare encode, with exactly the assembler's encoder and
 * settings (H.264 + silent AAC, faststart), of frames already rendered and held in memory. Comparing an assembly's
 * frames per second with this says how much the rendering side costs.
 *
 * <p>The frames are a camera pan across a procedural texture (soft colour fields, edges and fine grain), so the
 * encoder has motion and detail to work on, like real footage and unlike a flat test card.
 */
public final class EncoderBench {
    private EncoderBench() {}

    public record Result(VideoFormat format, int frames, double seconds, long bytes, EncoderSettings settings) {
        public double framesPerSecond() {
            return frames / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "bare encode %s, %d frames: %.2f s = %.1f frames/s (%s, %d kB)",
                    format, frames, seconds, framesPerSecond(), settings.label(), bytes / 1024);
        }
    }

    /** Encodes {@code frames} frames of {@code format}, cycling through 12 pre-rendered ones; returns the timing. */
    public static Result run(VideoFormat format, int frames, EncoderSettings settings) {
        int[][] pictures = syntheticFrames(format, Math.min(12, Math.max(1, frames)));
        return run(format, frames, settings, pictures);
    }

    /** Encodes {@code frames} frames cycling through {@code pictures} (0xRRGGBB, format-sized). */
    public static Result run(VideoFormat format, int frames, EncoderSettings settings, int[][] pictures) {
        FramePacket packet = new FramePacket(format, 1);
        return timed(format, settings, frames, f -> {
            packet.setPixels(pictures[f % pictures.length]);
            return packet.picture;
        });
    }

    /**
     * The limit for one particular video: its own frames, decoded back (untimed) into memory {@code chunkFrames} at a
     * time, then encoded with {@code settings}; the encode times are summed. Synthetic frames are easier for x264 than
     * real footage (measured: the example's frames cost about 1.4x as much), so this is the fair limit for a make.
     * Each chunk is its own encode, finished inside its timing, so no encoder work slips into the untimed decoding;
     * decoded frames are a touch smoother than the rendered ones, so if anything this limit is slightly low.
     */
    public static Result runOnFramesOf(Path video, EncoderSettings settings, int chunkFrames) {
        double[] seconds = {0};
        long[] size = {0};
        int[] total = {0};
        VideoFormat[] seen = {null};
        forEachChunk(video, chunkFrames, (format, chunk, count) -> {
            Result part = timed(format, settings, count, f -> chunk[f].rewind());
            seen[0] = format;
            total[0] += count;
            seconds[0] += part.seconds();
            size[0] += part.bytes();
        });
        if (total[0] == 0) throw new ReelwrightException(video + " has no video frames to encode");
        return new Result(seen[0], total[0], seconds[0], size[0], settings);
    }

    /** What {@link #forEachChunk} hands over: {@code count} decoded BGR0 frames at the start of {@code chunk}. */
    interface ChunkConsumer {
        void accept(VideoFormat format, ByteBuffer[] chunk, int count);
    }

    /** Decodes {@code video} into native memory, {@code chunkFrames} frames at a time, and hands each chunk over. */
    static void forEachChunk(Path video, int chunkFrames, ChunkConsumer consumer) {
        Ffmpeg.load();
        if (chunkFrames < 1) throw new IllegalArgumentException("chunkFrames must be positive");
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            grabber.setPixelFormat(AV_PIX_FMT_BGR0);
            grabber.start();
            VideoFormat format = new VideoFormat(grabber.getImageWidth(), grabber.getImageHeight(), (int) Math.round(grabber.getFrameRate()));
            long frameBytes = 4L * format.width() * format.height();
            // Native memory outside the Java heap and its direct-buffer limit: a 1080p chunk of 300 frames is 2.4 GiB.
            Pointer block = Pointer.malloc(frameBytes * chunkFrames);
            if (block == null || block.isNull()) throw new ReelwrightException("cannot hold " + chunkFrames + " frames of " + format + " in memory");
            try {
                BytePointer bytes = new BytePointer(block).capacity(frameBytes * chunkFrames);
                ByteBuffer[] chunk = new ByteBuffer[chunkFrames];
                for (int i = 0; i < chunkFrames; i++) {
                    // getPointer offsets the address; asByteBuffer after moving position would still start at the block's start.
                    chunk[i] = bytes.getPointer(i * frameBytes).capacity(frameBytes).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                }
                while (true) {
                    int held = 0;
                    for (Frame frame; held < chunkFrames && (frame = grabber.grabImage()) != null; held++) copyRows(frame, chunk[held], format);
                    if (held > 0) consumer.accept(format, chunk, held);
                    if (held < chunkFrames) break;
                }
            } finally {
                Pointer.free(block);
            }
        } catch (FrameGrabber.Exception e) {
            throw Ffmpeg.failure("reading " + video + " for the encoder benchmark", e);
        }
    }

    private static void copyRows(Frame frame, ByteBuffer into, VideoFormat format) {
        if (frame.imageWidth != format.width() || frame.imageHeight != format.height() || frame.imageChannels != 4) {
            throw new ReelwrightException("unexpected decoded frame " + frame.imageWidth + "x" + frame.imageHeight + "x" + frame.imageChannels);
        }
        ByteBuffer source = ((ByteBuffer) frame.image[0]).duplicate();
        int row = format.width() * 4;
        into.clear();
        for (int y = 0; y < format.height(); y++) {
            source.limit(y * frame.imageStride + row).position(y * frame.imageStride);
            into.put(source);
        }
        into.flip();
    }

    /** Times one whole encode (open, every frame with its silent audio, finish) of {@code frames} pictures. */
    private static Result timed(VideoFormat format, EncoderSettings settings, int frames, IntFunction<ByteBuffer> picture) {
        Path file;
        try {
            file = Files.createTempFile("reelwright-bench-", ".mp4");
        } catch (IOException e) {
            throw new ReelwrightException("cannot create a scratch file for the encoder benchmark: " + e.getMessage(), e);
        }
        try {
            int maxSamples = (AudioMixer.SAMPLE_RATE + format.fps() - 1) / format.fps();
            float[] silence = new float[maxSamples];
            long start = System.nanoTime();
            try (VideoEncoder encoder = new VideoEncoder(file, format, settings)) {
                for (int f = 0; f < frames; f++) {
                    encoder.video(picture.apply(f));
                    int samples = (int) ((f + 1L) * AudioMixer.SAMPLE_RATE / format.fps() - f * (long) AudioMixer.SAMPLE_RATE / format.fps());
                    encoder.audio(silence, silence, samples);
                }
                encoder.finish();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(format, frames, seconds, Files.size(file), settings);
        } catch (IOException e) {
            throw new ReelwrightException("encoder benchmark failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a scratch file in the temp folder
            }
        }
    }

    /** {@code count} frames panning 6 pixels a frame across a textured landscape of soft colour, with fresh grain in each. */
    public static int[][] syntheticFrames(VideoFormat format, int count) {
        int w = format.width(), h = format.height(), step = 6;
        int textureWidth = w + step * count;
        int[] texture = new int[textureWidth * h];
        java.util.Random random = new java.util.Random(42);
        double[][] waves = new double[6][4];
        for (double[] wave : waves) {
            wave[0] = 0.5 + random.nextDouble() * 6; // cycles across the frame
            wave[1] = 0.5 + random.nextDouble() * 4;
            wave[2] = random.nextDouble() * Math.PI * 2;
            wave[3] = random.nextDouble();
        }
        for (int y = 0; y < h; y++) {
            double v = y / (double) h;
            for (int x = 0; x < textureWidth; x++) {
                double u = x / (double) w;
                double r = 0, g = 0, b = 0;
                for (int i = 0; i < waves.length; i++) {
                    double s = Math.sin(2 * Math.PI * (waves[i][0] * u + waves[i][1] * v * (i % 2 == 0 ? 1 : -1)) + waves[i][2]);
                    r += s * (i % 3 == 0 ? 1 : 0.3);
                    g += s * (i % 3 == 1 ? 1 : 0.3);
                    b += s * (i % 3 == 2 ? 1 : 0.3);
                }
                // Hard-edged bands (like buildings or branches) and fine grain on top.
                double band = ((int) (u * 23 + Math.sin(v * 9) * 2) & 3) == 0 ? 40 : 0;
                double grain = random.nextGaussian() * 6;
                texture[y * textureWidth + x] = rgb(128 + r * 30 + band + grain, 120 + g * 30 + grain, 110 + b * 30 - band / 2 + grain);
            }
        }
        int[][] frames = new int[count][w * h];
        for (int i = 0; i < count; i++) {
            int[] frame = frames[i];
            for (int y = 0; y < h; y++) System.arraycopy(texture, y * textureWidth + i * step, frame, y * w, w);
            // Sensor noise that changes every frame, as in real footage.
            for (int p = 0; p < frame.length; p++) {
                int n = random.nextInt(7) - 3;
                int c = frame[p];
                frame[p] = rgb(((c >> 16) & 0xFF) + n, ((c >> 8) & 0xFF) + n, (c & 0xFF) + n);
            }
        }
        return frames;
    }

    private static int rgb(double r, double g, double b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** {@code EncoderBench [width height fps frames [preset crf threads]]}: prints one timing. */
    public static void main(String[] args) {
        int w = args.length > 1 ? Integer.parseInt(args[0]) : 1920, h = args.length > 1 ? Integer.parseInt(args[1]) : 1080;
        int fps = args.length > 2 ? Integer.parseInt(args[2]) : 30, frames = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        EncoderSettings d = EncoderSettings.DEFAULT;
        EncoderSettings settings = new EncoderSettings(args.length > 4 ? args[4] : d.preset(), args.length > 5 ? Integer.parseInt(args[5]) : d.crf(),
                d.profile(), d.gopSeconds(), args.length > 6 ? Integer.parseInt(args[6]) : d.x264Threads(), d.audioBitrate());
        System.out.println(run(new VideoFormat(w, h, fps), frames, settings));
    }
}
