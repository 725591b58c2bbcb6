package dev.reelwright.media.assembly;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.media.Ffmpeg;
import dev.reelwright.media.audio.AudioMixer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * The one encode: an MP4 with H.264 video and AAC audio, written by FFmpeg in this process. Pictures come in as
 * packed pixels in a direct buffer, 0x00RRGGBB ints in little-endian order, which is FFmpeg's BGR0 byte layout, so
 * swscale converts them to yuv420p with no copy on our side. Audio comes as planar float stereo chunks and is
 * interleaved with the video by the muxer. Not thread-safe: one thread drives it.
 */
final class VideoEncoder implements AutoCloseable {
    private final Path file;
    private final VideoFormat format;
    private final FFmpegFrameRecorder recorder;
    private boolean finished;

    VideoEncoder(Path file, VideoFormat format, EncoderSettings settings) {
        Ffmpeg.load();
        this.file = file;
        this.format = format;
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), format.width(), format.height(), 2);
        r.setFormat("mp4");
        r.setVideoCodecName("libx264");
        r.setPixelFormat(AV_PIX_FMT_YUV420P);
        r.setFrameRate(format.fps());
        r.setGopSize(Math.max(1, (int) Math.round(settings.gopSeconds() * format.fps())));
        r.setVideoBitrate(0); // quality-driven (crf), not a bitrate
        r.setVideoOption("preset", settings.preset());
        r.setVideoOption("crf", Integer.toString(settings.crf()));
        r.setVideoOption("profile", settings.profile());
        r.setVideoOption("threads", Integer.toString(settings.x264Threads()));
        // swscale converts RGB with the BT.601 matrix into limited range: say so, so players decode it the same way.
        r.setVideoOption("colorspace", "smpte170m");
        r.setVideoOption("color_primaries", "bt709");
        r.setVideoOption("color_trc", "bt709");
        r.setVideoOption("color_range", "tv");
        r.setOption("movflags", "+faststart");
        r.setAudioCodec(AV_CODEC_ID_AAC);
        r.setSampleRate(AudioMixer.SAMPLE_RATE);
        r.setAudioChannels(2);
        r.setAudioBitrate(settings.audioBitrate());
        r.setInterleaved(true);
        try {
            r.start();
        } catch (FrameRecorder.Exception e) {
            releaseQuietly(r);
            throw Ffmpeg.failure("starting the H.264/AAC encoder for " + file, e);
        }
        this.recorder = r;
    }

    /** A direct buffer sized for one frame in the byte order {@link #video} expects. */
    static ByteBuffer frameBuffer(VideoFormat format) {
        return ByteBuffer.allocateDirect(format.width() * format.height() * 4).order(ByteOrder.LITTLE_ENDIAN);
    }

    void video(ByteBuffer bgr0) {
        try {
            recorder.recordImage(format.width(), format.height(), Frame.DEPTH_UBYTE, 4, format.width() * 4, AV_PIX_FMT_BGR0, bgr0);
        } catch (FrameRecorder.Exception e) {
            throw Ffmpeg.failure("encoding video into " + file, e);
        }
    }

    void audio(float[] left, float[] right, int count) {
        if (count <= 0) return;
        try {
            recorder.recordSamples(AudioMixer.SAMPLE_RATE, 2, FloatBuffer.wrap(left, 0, count), FloatBuffer.wrap(right, 0, count));
        } catch (FrameRecorder.Exception e) {
            throw Ffmpeg.failure("encoding audio into " + file, e);
        }
    }

    /** Flushes the encoders and writes the index (moved to the front of the file). */
    void finish() {
        try {
            recorder.stop();
            finished = true;
        } catch (FrameRecorder.Exception e) {
            throw Ffmpeg.failure("finishing " + file, e);
        } finally {
            releaseQuietly(recorder);
        }
    }

    @Override
    public void close() {
        if (!finished) releaseQuietly(recorder);
    }

    private static void releaseQuietly(FFmpegFrameRecorder r) {
        try {
            r.release();
        } catch (Exception ignored) {
            // abandoning a failed encode; the caller deletes the file
        }
    }
}
