package dev.reelwright.media.decode;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.spi.FrameSource;
import dev.reelwright.media.Ffmpeg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * One clip file read frame by frame. The grabber hands over decoded YUV; our own swscale context turns it into
 * BGRA at the cover size, honouring the clip's colour matrix and range (BT.709 HD footage keeps its colours), and
 * the centre crop lands in the caller's int[] as 0xRRGGBB.
 *
 * <p>Output frame {@code i} shows the clip frame nearest to time {@code i / fps}, so a 24 or 60 fps clip plays at
 * its own speed in a 30 fps production. Reading is forward only; asking for an earlier frame reopens the file.
 */
final class FfmpegFrameSource implements FrameSource {
    private final Path clip;
    private final VideoFormat format;
    private final int frameCount;
    private final double clipFrameSeconds;
    private final int[] current;
    private FFmpegFrameGrabber grabber;
    private SwsContext sws;
    private BytePointer bgra;
    private IntBuffer bgraInts;
    private PointerPointer<?> dstPlanes;
    private IntPointer dstStrides;
    private CoverCrop crop;
    private int lastIndex = -1;
    private boolean hasCurrent;
    private boolean ended;
    private long firstTimestamp = Long.MIN_VALUE;
    /** The decoded frame after {@code current}, converted, waiting to become current. */
    private Frame pending;
    private double pendingSeconds;

    private FfmpegFrameSource(Path clip, VideoFormat format) {
        this.clip = clip;
        this.format = format;
        this.current = new int[format.width() * format.height()];
        start();
        double clipSeconds = grabber.getLengthInTime() / 1e6;
        double clipFps = grabber.getFrameRate();
        if (!(clipSeconds > 0) && grabber.getLengthInVideoFrames() > 0 && clipFps > 0) {
            clipSeconds = grabber.getLengthInVideoFrames() / clipFps;
        }
        this.clipFrameSeconds = clipFps > 0 && Double.isFinite(clipFps) ? 1.0 / clipFps : 1.0 / format.fps();
        this.frameCount = Math.max(1, (int) Math.round(clipSeconds * format.fps()));
    }

    static FrameSource open(Path clip, VideoFormat format) {
        if (!Files.isRegularFile(clip)) throw new ReelwrightException("clip " + clip + " does not exist");
        return new FfmpegFrameSource(clip, format);
    }

    private void start() {
        Ffmpeg.load();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toFile());
        g.setImageMode(FrameGrabber.ImageMode.RAW);
        try {
            g.start();
        } catch (Exception e) {
            closeQuietly(g);
            throw Ffmpeg.failure("opening clip " + clip, e);
        }
        if (!g.hasVideo() || g.getImageWidth() <= 0) {
            closeQuietly(g);
            throw new ReelwrightException("clip " + clip + " has no video stream");
        }
        grabber = g;
        lastIndex = -1;
        hasCurrent = false;
        ended = false;
        pending = null;
        firstTimestamp = Long.MIN_VALUE;
    }

    @Override
    public int frameCount() {
        return frameCount;
    }

    @Override
    public void read(int index, int[] rgb) {
        if (index < 0) throw new IllegalArgumentException("frame index must not be negative: " + index);
        if (index < lastIndex) {
            releaseGrabber();
            start();
        }
        lastIndex = index;
        double t = index / (double) format.fps();
        try {
            if (!hasCurrent) {
                if (!advance()) throw new ReelwrightException("clip " + clip + " has no frames");
            }
            // Move on while the next frame is nearer to t than the one we show.
            while (!ended) {
                if (pending == null && !peek()) break;
                if (pendingSeconds > t + clipFrameSeconds / 2 - 1e-6) break;
                takePending();
            }
        } catch (FrameGrabber.Exception e) {
            throw Ffmpeg.failure("decoding clip " + clip + " at frame " + index, e);
        }
        System.arraycopy(current, 0, rgb, 0, current.length);
    }

    /** Decodes the first frame into {@code current}. */
    private boolean advance() throws FrameGrabber.Exception {
        if (!peek()) return false;
        takePending();
        return true;
    }

    private boolean peek() throws FrameGrabber.Exception {
        Frame frame = grabber.grabImage();
        if (frame == null || !(frame.opaque instanceof AVFrame)) {
            ended = true;
            return false;
        }
        if (firstTimestamp == Long.MIN_VALUE) firstTimestamp = frame.timestamp;
        pending = frame;
        pendingSeconds = (frame.timestamp - firstTimestamp) / 1e6;
        return true;
    }

    private void takePending() {
        convert((AVFrame) pending.opaque, current);
        pending = null;
        hasCurrent = true;
    }

    private void convert(AVFrame picture, int[] out) {
        int srcW = picture.width(), srcH = picture.height();
        if (crop == null) {
            crop = CoverCrop.of(srcW, srcH, grabber.getAspectRatio(), format.width(), format.height());
            int size = crop.scaledWidth() * crop.scaledHeight() * 4;
            bgra = new BytePointer(size);
            ByteBuffer bytes = bgra.asBuffer().order(ByteOrder.LITTLE_ENDIAN);
            bgraInts = bytes.asIntBuffer();
        }
        SwsContext next = sws_getCachedContext(sws, srcW, srcH, picture.format(), crop.scaledWidth(), crop.scaledHeight(), AV_PIX_FMT_BGRA,
                SWS_BICUBIC, null, null, (DoublePointer) null);
        if (next == null) throw new ReelwrightException("cannot convert the pictures of clip " + clip + " (pixel format " + picture.format() + ")");
        if (sws == null || next.address() != sws.address()) {
            int matrix = picture.colorspace();
            if (matrix == AVCOL_SPC_UNSPECIFIED || matrix <= 0 || matrix > 10) matrix = srcH >= 600 ? AVCOL_SPC_BT709 : AVCOL_SPC_SMPTE170M;
            int fmt = picture.format();
            boolean fullRange = picture.color_range() == AVCOL_RANGE_JPEG
                    || fmt == AV_PIX_FMT_YUVJ420P || fmt == AV_PIX_FMT_YUVJ422P || fmt == AV_PIX_FMT_YUVJ444P;
            // The output is full-range RGB in the BT.601 sense the encoder uses; RGB sources ignore this.
            sws_setColorspaceDetails(next, sws_getCoefficients(matrix), fullRange ? 1 : 0, sws_getCoefficients(AVCOL_SPC_SMPTE170M), 1, 0, 1 << 16, 1 << 16);
        }
        sws = next;
        if (dstPlanes == null) {
            dstPlanes = new PointerPointer<BytePointer>(4).put(0, bgra);
            dstStrides = new IntPointer(crop.scaledWidth() * 4, 0, 0, 0);
        }
        sws_scale(sws, picture.data(), picture.linesize(), 0, srcH, dstPlanes, dstStrides);
        int w = format.width(), h = format.height(), sw = crop.scaledWidth();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            bgraInts.position((y + crop.cropY()) * sw + crop.cropX());
            bgraInts.get(out, row, w);
            for (int x = row, end = row + w; x < end; x++) out[x] &= 0xFFFFFF;
        }
    }

    @Override
    public void close() {
        releaseGrabber();
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        if (dstPlanes != null) {
            dstPlanes.close();
            dstStrides.close();
            dstPlanes = null;
            dstStrides = null;
        }
        if (bgra != null) {
            bgra.close();
            bgra = null;
            bgraInts = null;
        }
        crop = null;
    }

    private void releaseGrabber() {
        if (grabber != null) {
            closeQuietly(grabber);
            grabber = null;
        }
        pending = null;
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.stop();
            g.release();
        } catch (Exception ignored) {
            // closing a clip we are done with; nothing to recover
        }
    }
}
