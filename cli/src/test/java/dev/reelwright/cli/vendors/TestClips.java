package dev.reelwright.cli.vendors;

import dev.reelwright.media.Ffmpeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** Real, small H.264 clips for fake vendors to serve: a gradient that drifts, so every frame differs. */
public final class TestClips {
    private TestClips() {}

    public static byte[] mp4(Path dir, int width, int height, int fps, int frames) {
        Path file = dir.resolve("vendor-clip-" + System.nanoTime() + ".mp4");
        Ffmpeg.load();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodecName("libx264");
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setVideoOption("preset", "ultrafast");
            recorder.start();
            ByteBuffer pixels = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int f = 0; f < frames; f++) {
                pixels.clear();
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        pixels.putInt(((x + f * 3) & 255) << 16 | (y & 255) << 8 | (f * 5 & 255));
                    }
                }
                pixels.flip();
                recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 4, width * 4, avutil.AV_PIX_FMT_BGRA, pixels);
            }
            recorder.stop();
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }
}
