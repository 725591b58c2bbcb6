package dev.reelwright.media.quality;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.media.Ffmpeg;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * What a repair needs from FFmpeg: read a clip's frames in order as packed BGR, and write a corrected copy frame by
 * frame, as H.264 at CRF {@value #CRF} (visually lossless for a clip that is encoded once more in the finished
 * video). Repairs decode more than once instead of holding a clip's frames in memory.
 */
final class ClipRewrite {
    static final int CRF = 16;

    /** Edits one frame's packed BGR pixels in place before it is written. */
    @FunctionalInterface
    interface Edit {
        void frame(int index, Picture picture);
    }

    /** A decoded frame's packed BGR rows. */
    record Picture(ByteBuffer pixels, int width, int height, int stride) {
        static Picture of(Frame frame) {
            return new Picture((ByteBuffer) frame.image[0], frame.imageWidth, frame.imageHeight, frame.imageStride);
        }

        /** A copy of the pixels, row after row without padding. */
        byte[] copy() {
            byte[] bytes = new byte[width * height * 3];
            for (int y = 0; y < height; y++) pixels.get(y * stride, bytes, y * width * 3, width * 3);
            return bytes;
        }

        /** Overwrites the pixels with {@code bytes} laid out as {@link #copy()} gives them. */
        void set(byte[] bytes) {
            for (int y = 0; y < height; y++) pixels.put(y * stride, bytes, y * width * 3, width * 3);
        }
    }

    private ClipRewrite() {}

    /** What {@link #scan} made of each frame, in order, and the clip's frame rate. */
    record Scan<T>(List<T> frames, double fps) {}

    /** Reads every frame of {@code clip} and keeps what {@code measure} makes of each (null results are kept as null). */
    static <T> Scan<T> scan(Path clip, BiFunction<Integer, Picture, T> measure) {
        List<T> results = new ArrayList<>();
        FFmpegFrameGrabber grabber = open(clip);
        try {
            double fps = grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 30;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) results.add(measure.apply(results.size(), Picture.of(frame)));
            if (results.isEmpty()) throw new ReelwrightException(clip + ": no frames to repair");
            return new Scan<>(results, fps);
        } catch (FrameGrabber.Exception e) {
            throw Ffmpeg.failure("reading " + clip + " for repair", e);
        } finally {
            close(grabber);
        }
    }

    /** Writes {@code out}: every frame of {@code clip} after {@code edit}, at the clip's size and frame rate. */
    static void rewrite(Path clip, Path out, Edit edit) {
        FFmpegFrameGrabber grabber = open(clip);
        FFmpegFrameRecorder recorder = null;
        try {
            recorder = new FFmpegFrameRecorder(out.toFile(), grabber.getImageWidth(), grabber.getImageHeight(), 0);
            recorder.setFormat("mp4");
            recorder.setVideoCodecName("libx264");
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 30);
            recorder.setVideoOption("crf", String.valueOf(CRF));
            recorder.setVideoOption("preset", "veryfast");
            recorder.start();
            Frame frame;
            int index = 0;
            while ((frame = grabber.grabImage()) != null) {
                edit.frame(index++, Picture.of(frame));
                recorder.record(frame, AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        } catch (FrameGrabber.Exception | FFmpegFrameRecorder.Exception e) {
            throw Ffmpeg.failure("writing the repaired copy of " + clip, e);
        } finally {
            close(grabber);
            if (recorder != null) {
                try {
                    recorder.release();
                } catch (FFmpegFrameRecorder.Exception ignored) {
                    // stopped or failed already; nothing more to free
                }
            }
        }
    }

    private static FFmpegFrameGrabber open(Path clip) {
        Ffmpeg.load();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
        grabber.setImageMode(FrameGrabber.ImageMode.COLOR);
        grabber.setPixelFormat(AV_PIX_FMT_BGR24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            close(grabber);
            throw Ffmpeg.failure("opening " + clip + " for repair", e);
        }
        return grabber;
    }

    private static void close(FFmpegFrameGrabber grabber) {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception ignored) {
            // nothing more to free
        }
    }
}
