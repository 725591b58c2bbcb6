package dev.reelwright.media.assembly;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.spi.ClipDecoder;
import dev.reelwright.core.spi.FrameSource;
import dev.reelwright.core.timeline.Timeline;
import dev.reelwright.core.timeline.Timeline.CardSegment;
import dev.reelwright.core.timeline.Timeline.ClipSegment;
import dev.reelwright.core.timeline.Timeline.Segment;
import java.util.List;

/**
 * The picture track, frame by frame, in order. Each output frame comes from its segment; during the first
 * {@code crossfadeFrames} frames of a segment the previous segment's tail (its frames {@code frames + k}) is
 * blended under it with alpha {@code ease((k + 1) / (crossfadeFrames + 1))}.
 *
 * <p>Clips are opened when first needed and closed as soon as their last frame (including the tail that
 * crossfades) is used, so at most two segments are open at once; frames stream through one buffer each.
 */
final class FrameCompositor implements AutoCloseable {
    private final Timeline timeline;
    private final VideoFormat format;
    private final List<ClipDecoder> decoders;
    private final TitleCardRenderer cards;
    private final List<Segment> segments;
    private final int pixels;
    private final int[] scratch;
    /** Open players, by segment index: at most the current segment and the one fading out. */
    private Player outgoing;
    private Player current;
    private int segmentIndex = -1;
    private int openCount;
    private int maxOpen;

    FrameCompositor(Timeline timeline, List<ClipDecoder> decoders, TitleCardRenderer cards) {
        this.timeline = timeline;
        this.format = timeline.format();
        this.decoders = List.copyOf(decoders);
        this.cards = cards;
        this.segments = timeline.segments();
        this.pixels = format.width() * format.height();
        this.scratch = new int[pixels];
        // Fail before any work if a clip has no decoder.
        for (Segment s : segments) {
            if (s instanceof ClipSegment clip) decoderFor(clip);
        }
    }

    /** Renders output frame {@code frame} into {@code out}. Frames must come in increasing order. */
    void render(int frame, int[] out) {
        int index = segmentAt(frame);
        if (index != segmentIndex) {
            if (index < segmentIndex) throw new IllegalStateException("frames are rendered in order");
            advanceTo(index);
        }
        Segment segment = segments.get(index);
        int local = frame - segment.startFrame();
        int fade = timeline.crossfadeFrames();
        if (outgoing != null && local < fade) {
            Segment previous = segments.get(index - 1);
            outgoing.read(previous.frames() + local, out);
            current.read(local, scratch);
            Pixels.blend(scratch, out, Pixels.ease((local + 1) / (double) (fade + 1)), pixels);
            if (local == fade - 1) closeOutgoing();
        } else {
            closeOutgoing();
            current.read(local, out);
        }
    }

    /** The most segments that were open at the same time (for tests: never more than two). */
    int maxOpen() {
        return maxOpen;
    }

    private int segmentAt(int frame) {
        if (frame < 0 || frame >= timeline.totalFrames()) throw new IllegalArgumentException("frame " + frame + " is outside the video");
        int from = Math.max(0, segmentIndex);
        for (int i = from; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (frame < s.startFrame() + s.frames()) return i;
        }
        throw new IllegalArgumentException("frame " + frame + " is outside the video");
    }

    private void advanceTo(int index) {
        closeOutgoing();
        if (current != null) {
            if (index == segmentIndex + 1 && timeline.crossfadeFrames() > 0) {
                outgoing = current;
            } else {
                current.close();
                openCount--;
            }
            current = null;
        }
        segmentIndex = index;
        current = open(segments.get(index));
        openCount++;
        maxOpen = Math.max(maxOpen, openCount);
    }

    private void closeOutgoing() {
        if (outgoing != null) {
            outgoing.close();
            outgoing = null;
            openCount--;
        }
    }

    private Player open(Segment segment) {
        return switch (segment) {
            case CardSegment card -> new CardPlayer(cards.render(card));
            case ClipSegment clip -> {
                try {
                    yield new ClipPlayer(clip, decoderFor(clip).open(clip.clip(), format));
                } catch (ReelwrightException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new ReelwrightException("cannot open clip " + clip.clip() + " for segment '" + clip.label() + "': " + e.getMessage(), e);
                }
            }
        };
    }

    private ClipDecoder decoderFor(ClipSegment clip) {
        return ClipDecoder.first(decoders, clip.clip()).orElseThrow(() ->
                new ReelwrightException("no decoder can open clip " + clip.clip() + " (segment '" + clip.label() + "')"));
    }

    @Override
    public void close() {
        closeOutgoing();
        if (current != null) {
            current.close();
            current = null;
            openCount--;
        }
    }

    private interface Player {
        void read(int local, int[] out);

        void close();
    }

    private record CardPlayer(int[] picture) implements Player {
        @Override
        public void read(int local, int[] out) {
            System.arraycopy(picture, 0, out, 0, picture.length);
        }

        @Override
        public void close() {}
    }

    private record ClipPlayer(ClipSegment segment, FrameSource source) implements Player {
        @Override
        public void read(int local, int[] out) {
            try {
                source.read(local, out);
            } catch (ReelwrightException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ReelwrightException("cannot read frame " + local + " of clip " + segment.clip() + " (segment '" + segment.label() + "'): " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
