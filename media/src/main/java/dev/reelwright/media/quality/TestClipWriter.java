package dev.reelwright.media.quality;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import dev.reelwright.media.Ffmpeg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.function.IntFunction;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Encodes test clips as H.264 (yuv420p, CRF 18), the way generated clips usually arrive: compression is part of what
 * the inspector must see through.
 */
final class TestClipWriter {
    private TestClipWriter() {}

    static Path write(Path file, int width, int height, int fps, int frames, IntFunction<int[]> picture) {
        Ffmpeg.load();
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        recorder.setVideoCodecName("libx264");
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setVideoOption("crf", "18");
        recorder.setVideoOption("preset", "veryfast");
        recorder.setVideoOption("threads", "1");
        ByteBuffer buffer = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.LITTLE_ENDIAN);
        IntBuffer ints = buffer.asIntBuffer();
        try {
            recorder.start();
            for (int i = 0; i < frames; i++) {
                ints.clear();
                ints.put(picture.apply(i), 0, width * height);
                recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 4, width * 4, AV_PIX_FMT_BGR0, buffer);
            }
            recorder.stop();
        } catch (Exception e) {
            throw Ffmpeg.failure("writing test clip " + file, e);
        } finally {
            try {
                recorder.release();
            } catch (Exception ignored) {
                // already stopped or failed; nothing more to free
            }
        }
        return file;
    }
}
