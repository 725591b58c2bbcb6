package dev.reelwright.media.assembly;

import dev.reelwright.core.spi.ClipDecoder;
import dev.reelwright.core.timeline.Timeline;
import dev.reelwright.media.audio.AudioMixer;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * The render side of the pipeline, run on its own thread: for each frame in order it takes a free packet,
 * composites the picture (clips, card, crossfade), keeps a copy of the poster frame before captions, burns the
 * caption in, mixes the frame's audio, and hands the packet on. Packets are recycled, so nothing is allocated per
 * frame. On failure or interruption it records the error and sends {@link #END}.
 */
final class FrameProducer implements Runnable {
    /** Marks the end of the stream (normal or not). */
    static final FramePacket END = new FramePacket(new dev.reelwright.core.model.VideoFormat(2, 2, 1), 1);

    private final Timeline timeline;
    private final List<ClipDecoder> decoders;
    private final BlockingQueue<FramePacket> free;
    private final BlockingQueue<FramePacket> filled;
    private volatile Throwable failure;
    private volatile int[] poster;
    private volatile long busyNanos;
    private volatile int maxOpenSegments;

    FrameProducer(Timeline timeline, List<ClipDecoder> decoders, BlockingQueue<FramePacket> free, BlockingQueue<FramePacket> filled) {
        this.timeline = timeline;
        this.decoders = decoders;
        this.free = free;
        this.filled = filled;
    }

    @Override
    public void run() {
        int total = timeline.totalFrames();
        int[] canvas = new int[timeline.format().width() * timeline.format().height()];
        long busy = 0;
        try (FrameCompositor compositor = new FrameCompositor(timeline, decoders, new TitleCardRenderer(timeline.format(), timeline.brand()));
                AudioMixer mixer = new AudioMixer(timeline)) {
            CaptionRenderer captions = new CaptionRenderer(timeline.format(), timeline.brand(), timeline.captionStyle(), timeline.captions());
            for (int f = 0; f < total; f++) {
                FramePacket packet = free.take();
                long start = System.nanoTime();
                compositor.render(f, canvas);
                if (f == timeline.posterFrame()) poster = canvas.clone();
                captions.draw(f, canvas);
                packet.setPixels(canvas);
                packet.frame = f;
                packet.samples = mixer.mixFrame(f, packet.left, packet.right);
                busy += System.nanoTime() - start;
                filled.put(packet);
            }
            maxOpenSegments = compositor.maxOpen();
        } catch (InterruptedException e) {
            failure = e;
        } catch (Throwable e) {
            failure = e;
        } finally {
            busyNanos = busy;
            // Never blocks: the queue has room for every packet plus the end mark.
            filled.offer(END);
        }
    }

    Throwable failure() {
        return failure;
    }

    int[] poster() {
        return poster;
    }

    double busySeconds() {
        return busyNanos / 1e9;
    }

    int maxOpenSegments() {
        return maxOpenSegments;
    }
}
