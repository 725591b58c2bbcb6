package dev.reelwright.media.quality;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import dev.reelwright.core.error.InputException;
import dev.reelwright.media.MediaProbe;
import dev.reelwright.media.decode.PictureReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes a clip once, front to back, and hands over frames already scaled to the working size by FFmpeg's scaler
 * (area averaging: no aliasing when a 1080p frame shrinks five times), with their optical flow ({@link FlowAhead}).
 * Two stages on threads of their own, decoding and scaling, then the flow, each a few frames ahead of the next in
 * short queues: decoding, flow and analysis overlap on two cores and only a few frames are ever in memory. When the
 * frame shrinks a lot the H.264 deblocking filter is skipped: its effect is far below a working pixel and it is a
 * good share of decoding time.
 */
final class FrameStream implements AutoCloseable {
    private static final Object END = new Object();
    private static final int QUEUE = 4;

    private final Path clip;
    private final PictureReader reader;
    private final WorkingSize size;
    private final int detailStride;
    private final int sourceWidth;
    private final int sourceHeight;
    private final double fps;
    private final double lengthSeconds;
    /** Scaled frames from the decoder to the flow stage, and finished frames from there to the analysis. */
    private final BlockingQueue<Object> scaled = new ArrayBlockingQueue<>(QUEUE);
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;
    private final Thread flowThread;
    private volatile boolean closed;
    private boolean ended;

    /** Source facts as the container states them. */
    record Facts(int width, int height, double fps, double seconds) {}

    FrameStream(Path clip, int longSide, int detailLongSide, int detailStride) {
        this.clip = clip;
        this.detailStride = Math.max(1, detailStride);
        PictureReader opened = PictureReader.open(clip, (width, height) -> {
            Map<String, String> options = new HashMap<>();
            options.put("threads", String.valueOf(decoderThreads()));
            if (Math.max(width, height) >= 2.5 * longSide) options.put("skip_loop_filter", "all");
            return options;
        });
        // The reader has read the stream information already; probing the file again would cost as much.
        MediaProbe.Info info = MediaProbe.describe(opened.format());
        if (!info.hasVideo() || info.width() <= 0 || info.height() <= 0) {
            opened.close();
            throw new InputException(clip + ": has no video stream");
        }
        this.sourceWidth = info.width();
        this.sourceHeight = info.height();
        this.size = WorkingSize.of(sourceWidth, sourceHeight, longSide, detailLongSide);
        this.fps = info.fps() > 0 && Double.isFinite(info.fps()) ? info.fps() : 30;
        this.lengthSeconds = info.videoSeconds() > 0 ? info.videoSeconds() : info.seconds();
        this.reader = opened;
        this.thread = new Thread(this::decodeAll, "quality-decode");
        this.thread.setDaemon(true);
        this.flowThread = new Thread(this::flowAll, "quality-flow");
        this.flowThread.setDaemon(true);
        this.thread.start();
        this.flowThread.start();
    }

    /**
     * FFmpeg's own decoding threads only where cores are left over beyond this stream's and the analysis' four
     * threads: on two cores frame threading cost about 1.5 ms of CPU a 1080p frame more than decoding on one
     * thread (measured, 4.7 + 1.9 against 4.8 ms), and every core is already busy with the other stages.
     */
    private static int decoderThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 3));
    }

    WorkingSize size() {
        return size;
    }

    Facts facts() {
        return new Facts(sourceWidth, sourceHeight, fps, lengthSeconds);
    }

    /** The next frame, or null at the end of the clip. */
    DecodedFrame next() {
        if (ended) return null;
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding " + clip, e);
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof RuntimeException failure) {
            ended = true;
            throw failure;
        }
        return (DecodedFrame) item;
    }

    private void decodeAll() {
        Scaler small = new Scaler(size.width(), size.height()), large = new Scaler(size.detailWidth(), size.detailHeight());
        double first = Double.NaN;
        int index = 0;
        try {
            AVFrame picture;
            while (!closed && (picture = reader.next()) != null) {
                double shown = reader.seconds(picture);
                if (index == 0) first = shown;
                Mat bgr = small.scale(picture);
                Mat detail = index % detailStride == 0 ? large.scale(picture) : null;
                // Without timestamps the frames are taken as evenly spaced at the stated rate.
                double seconds = Double.isNaN(shown) || Double.isNaN(first) ? index / fps : shown - first;
                Scaled item = new Scaled(index++, seconds, bgr, detail);
                if (!offer(scaled, item)) {
                    item.close();
                    return;
                }
            }
            if (index == 0) {
                offer(scaled, new InputException(clip + ": holds no decodable video frames"));
                return;
            }
            offer(scaled, END);
        } catch (Exception e) {
            offer(scaled, new InputException(clip + ": cannot decode frame " + index + " (" + message(e) + ")", e));
        } finally {
            small.close();
            large.close();
        }
    }

    /** A frame at the working sizes, on its way to the flow stage. */
    private record Scaled(int index, double seconds, Mat bgr, Mat detail) implements AutoCloseable {
        @Override
        public void close() {
            bgr.close();
            if (detail != null) detail.close();
        }
    }

    /** The flow stage: adds each frame's planes and flow, and passes the end (or a failure) on. */
    private void flowAll() {
        try (FlowAhead flow = new FlowAhead()) {
            while (!closed) {
                Object item = scaled.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (item == null) continue;
                if (!(item instanceof Scaled frame)) {
                    offer(queue, item);
                    return;
                }
                DecodedFrame decoded;
                try {
                    decoded = new DecodedFrame(frame.index(), frame.seconds(), frame.bgr(), flow.prepare(frame.bgr()), frame.detail());
                } catch (RuntimeException e) {
                    frame.close();
                    offer(queue, new InputException(clip + ": cannot analyse frame " + frame.index() + " (" + message(e) + ")", e));
                    return;
                }
                if (!offer(queue, decoded)) {
                    decoded.close();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * FFmpeg's scaler into BGR at one size. It writes through a buffer whose rows are 64-byte aligned with room to
     * spare (its vector code may write past an unaligned row's end, which corrupts the heap on portrait sizes), and
     * each frame is then copied into a plain, continuous image.
     */
    private static final class Scaler implements AutoCloseable {
        private final int width;
        private final int height;
        private final int stride;
        private final BytePointer buffer;
        private final Mat view;
        private final PointerPointer<?> planes;
        private final IntPointer strides;
        private SwsContext context;

        Scaler(int width, int height) {
            this.width = width;
            this.height = height;
            this.stride = (width * 3 + 63) / 64 * 64;
            this.buffer = new BytePointer((long) stride * height + 64);
            this.view = new Mat(height, width, CV_8UC3, buffer, stride);
            this.planes = new PointerPointer<>(4).put(0, buffer);
            this.strides = new IntPointer(stride, 0, 0, 0);
        }

        Mat scale(AVFrame picture) {
            context = sws_getCachedContext(context, picture.width(), picture.height(), picture.format(),
                    width, height, AV_PIX_FMT_BGR24, SWS_AREA, null, null, (DoublePointer) null);
            sws_scale(context, picture.data(), picture.linesize(), 0, picture.height(), planes, strides);
            Mat out = new Mat();
            view.copyTo(out);
            return out;
        }

        @Override
        public void close() {
            if (context != null) sws_freeContext(context);
            context = null;
            view.close();
            planes.close();
            strides.close();
            buffer.close();
        }
    }

    private boolean offer(BlockingQueue<Object> queue, Object item) {
        try {
            while (!closed) {
                if (queue.offer(item, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(5000);
            flowThread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (BlockingQueue<Object> stage : List.of(scaled, queue)) {
            Object item;
            while ((item = stage.poll()) != null) {
                if (item instanceof Scaled frame) frame.close();
                else if (item instanceof DecodedFrame frame) frame.close();
            }
        }
        reader.close();
    }

    private static String message(Exception e) {
        String text = e.getMessage();
        return text == null ? e.getClass().getSimpleName() : text.lines().findFirst().orElse(text);
    }
}
