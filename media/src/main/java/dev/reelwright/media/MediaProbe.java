package dev.reelwright.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_profile_name;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_color_space_name;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;

import dev.reelwright.core.error.ReelwrightException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Looks inside a finished video with the in-process FFmpeg: what streams it holds, a picture at a time, how loud
 * a stretch of it is, and whether it is laid out for streaming (faststart). Used by tests and by anyone checking
 * an output; nothing here writes.
 */
public final class MediaProbe {
    private MediaProbe() {}

    /** What a media file holds. Absent streams have a null codec and zeros. Seconds come from the container. */
    public record Info(
            int width,
            int height,
            String videoCodec,
            String pixelFormat,
            String videoProfile,
            String colorSpace,
            double fps,
            long videoFrames,
            double videoSeconds,
            String audioCodec,
            int sampleRate,
            int channels,
            double audioSeconds,
            double seconds) {

        public boolean hasVideo() {
            return videoCodec != null;
        }

        public boolean hasAudio() {
            return audioCodec != null;
        }
    }

    public static Info probe(Path file) {
        Ffmpeg.load();
        requireFile(file);
        AVFormatContext context = new AVFormatContext(null);
        int ret = avformat_open_input(context, file.toString(), null, null);
        if (ret < 0) throw new ReelwrightException("cannot open " + file + " as media (FFmpeg error " + ret + ")");
        try {
            if ((ret = avformat_find_stream_info(context, (PointerPointer<?>) null)) < 0) {
                throw new ReelwrightException("cannot read the streams of " + file + " (FFmpeg error " + ret + ")");
            }
            return describe(context);
        } finally {
            avformat_close_input(context);
        }
    }

    /**
     * What an already opened file holds (its stream information read), for a caller that opened it for decoding
     * anyway: reading the streams twice is a good share of a short clip's inspection.
     */
    public static Info describe(AVFormatContext context) {
        int width = 0, height = 0, sampleRate = 0, channels = 0;
        String videoCodec = null, pixelFormat = null, profile = null, colorSpace = null, audioCodec = null;
        double fps = 0, videoSeconds = 0, audioSeconds = 0;
        long frames = 0;
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            AVCodecParameters par = stream.codecpar();
            if (par.codec_type() == AVMEDIA_TYPE_VIDEO && videoCodec == null) {
                videoCodec = string(avcodec_get_name(par.codec_id()));
                pixelFormat = string(av_get_pix_fmt_name(par.format()));
                profile = string(avcodec_profile_name(par.codec_id(), par.profile()));
                colorSpace = string(av_color_space_name(par.color_space()));
                width = par.width();
                height = par.height();
                AVRational rate = stream.avg_frame_rate().num() != 0 ? stream.avg_frame_rate() : stream.r_frame_rate();
                fps = rate.den() == 0 ? 0 : rate.num() / (double) rate.den();
                frames = stream.nb_frames();
                videoSeconds = seconds(stream);
                if (frames <= 0 && fps > 0) frames = Math.round(videoSeconds * fps);
            } else if (par.codec_type() == AVMEDIA_TYPE_AUDIO && audioCodec == null) {
                audioCodec = string(avcodec_get_name(par.codec_id()));
                sampleRate = par.sample_rate();
                channels = par.ch_layout().nb_channels();
                audioSeconds = seconds(stream);
            }
        }
        double total = context.duration() == AV_NOPTS_VALUE ? Math.max(videoSeconds, audioSeconds) : context.duration() / (double) AV_TIME_BASE;
        return new Info(width, height, videoCodec, pixelFormat, profile, colorSpace, fps, frames, videoSeconds,
                audioCodec, sampleRate, channels, audioSeconds, total);
    }

    private static double seconds(AVStream stream) {
        if (stream.duration() == AV_NOPTS_VALUE || stream.duration() <= 0) return 0;
        AVRational base = stream.time_base();
        return stream.duration() * (double) base.num() / base.den();
    }

    private static String string(BytePointer pointer) {
        return pointer == null || pointer.isNull() ? null : pointer.getString();
    }

    /** The picture shown at {@code seconds}: the last frame whose time is not after it (the first frame before that). */
    public static BufferedImage frameAt(Path file, double seconds) {
        Ffmpeg.load();
        requireFile(file);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(AV_PIX_FMT_BGRA);
        try {
            grabber.start();
            if (!grabber.hasVideo()) throw new ReelwrightException(file + " has no video stream");
            long target = Math.round(seconds * 1e6);
            // Seek a little early: the grabber then decodes forward to the frame we want.
            long seekTo = target - 500_000;
            if (seekTo > 0) grabber.setTimestamp(seekTo);
            BufferedImage best = null;
            long slack = 1000; // a millisecond for timestamp rounding
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (frame.timestamp > target + slack && best != null) break;
                best = toImage(frame, best);
                if (frame.timestamp > target + slack) break;
            }
            if (best == null) throw new ReelwrightException(file + " has no picture at " + seconds + " s");
            return best;
        } catch (FrameGrabber.Exception e) {
            throw Ffmpeg.failure("reading a frame of " + file, e);
        } finally {
            release(grabber);
        }
    }

    private static BufferedImage toImage(Frame frame, BufferedImage reuse) {
        int w = frame.imageWidth, h = frame.imageHeight;
        BufferedImage image = reuse != null && reuse.getWidth() == w && reuse.getHeight() == h ? reuse : new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        IntBuffer ints = ((ByteBuffer) frame.image[0]).duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        int strideInts = frame.imageStride / 4;
        for (int y = 0; y < h; y++) {
            ints.position(y * strideInts);
            ints.get(out, y * w, w);
        }
        for (int i = 0; i < out.length; i++) out[i] &= 0xFFFFFF;
        return image;
    }

    /** Root mean square (0..1, all channels) of the decoded audio between {@code from} and {@code to} seconds. */
    public static double audioRms(Path file, double from, double to) {
        Ffmpeg.load();
        requireFile(file);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
        try {
            grabber.start();
            if (!grabber.hasAudio()) throw new ReelwrightException(file + " has no audio stream");
            int rate = grabber.getSampleRate();
            double sum = 0;
            long count = 0;
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                if (frame.samples == null) continue;
                double start = frame.timestamp / 1e6;
                if (start >= to) break;
                int channels = frame.audioChannels;
                FloatBuffer samples = (FloatBuffer) frame.samples[0];
                if (frame.samples.length > 1) {
                    // planar: one buffer per channel
                    for (int c = 0; c < frame.samples.length; c++) {
                        FloatBuffer plane = (FloatBuffer) frame.samples[c];
                        for (int i = plane.position(); i < plane.limit(); i++) {
                            double t = start + (i - plane.position()) / (double) rate;
                            if (t >= from && t < to) {
                                float v = plane.get(i);
                                sum += v * v;
                                count++;
                            }
                        }
                    }
                } else {
                    int n = (samples.limit() - samples.position()) / Math.max(1, channels);
                    for (int i = 0; i < n; i++) {
                        double t = start + i / (double) rate;
                        if (t < from || t >= to) continue;
                        for (int c = 0; c < channels; c++) {
                            float v = samples.get(samples.position() + i * channels + c);
                            sum += v * v;
                            count++;
                        }
                    }
                }
            }
            return count == 0 ? 0 : Math.sqrt(sum / count);
        } catch (FrameGrabber.Exception e) {
            throw Ffmpeg.failure("reading the audio of " + file, e);
        } finally {
            release(grabber);
        }
    }

    /** The four-letter types of the file's top-level boxes, in order (an MP4/MOV). */
    public static List<String> topLevelAtoms(Path file) {
        List<String> atoms = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size(), position = 0;
            ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
            while (position + 8 <= size) {
                header.clear().limit(16);
                channel.read(header, position);
                header.flip();
                if (header.remaining() < 8) break;
                long length = header.getInt() & 0xFFFFFFFFL;
                byte[] type = new byte[4];
                header.get(type);
                if (length == 1) {
                    if (header.remaining() < 8) break;
                    length = header.getLong();
                } else if (length == 0) {
                    length = size - position;
                }
                atoms.add(new String(type, java.nio.charset.StandardCharsets.ISO_8859_1));
                if (length < 8) break;
                position += length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return atoms;
    }

    /** True when the movie header (moov) comes before the media data (mdat): players can start before the download ends. */
    public static boolean isFaststart(Path file) {
        List<String> atoms = topLevelAtoms(file);
        int moov = atoms.indexOf("moov"), mdat = atoms.indexOf("mdat");
        return moov >= 0 && mdat >= 0 && moov < mdat;
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) throw new ReelwrightException("no media file at " + file);
    }

    private static void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.stop();
            grabber.release();
        } catch (Exception ignored) {
            // read-only probe; nothing to recover
        }
    }
}
