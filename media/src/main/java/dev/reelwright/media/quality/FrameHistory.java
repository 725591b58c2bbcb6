package dev.reelwright.media.quality;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last few analysed frames (about a second and a half), so detectors can look back, for instance to check that a
 * change reverted or to keep the frames that show a problem. Older frames are released as new ones arrive: memory
 * stays flat however long the clip is.
 */
final class FrameHistory implements AutoCloseable {
    static final int LENGTH = 48;

    private final Deque<FrameContext> frames = new ArrayDeque<>();

    void add(FrameContext frame) {
        frames.addLast(frame);
        while (frames.size() > LENGTH) frames.removeFirst().close();
    }

    /** The frame with this index, or null when it has left the history (or never came). */
    FrameContext get(int index) {
        FrameContext newest = frames.peekLast();
        if (newest == null || index > newest.index || index < 0) return null;
        for (var it = frames.descendingIterator(); it.hasNext(); ) {
            FrameContext frame = it.next();
            if (frame.index == index) return frame;
            if (frame.index < index) return null;
        }
        return null;
    }

    FrameContext newest() {
        return frames.peekLast();
    }

    @Override
    public void close() {
        while (!frames.isEmpty()) frames.removeFirst().close();
    }
}
