package dev.reelwright.media.quality;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The shared text stage: finds text lines on every detail frame ({@link TextLineFinder}), gives each a track id that
 * follows it from detection to detection (overlap after carrying the old box along with the camera), and between
 * detections carries every live track's box forward with the camera. Publishes the boxes on each frame, so motion
 * detectors can leave text to the text detector: a scrambled word is letters jumping, but it is text corruption.
 */
final class TextRegions implements AutoCloseable {
    /** A track not seen for this many frames is dropped. */
    private static final int KEEP = 30;

    private final TextLineFinder finder;
    private final List<Live> live = new ArrayList<>();
    private int nextId;

    private static final class Live {
        final int id;
        double left, top, width, height;
        int lastSeen;

        Live(int id, int[] box, int frame) {
            this.id = id;
            this.left = box[0];
            this.top = box[1];
            this.width = box[2];
            this.height = box[3];
            this.lastSeen = frame;
        }

        TextBox box(boolean detected) {
            return new TextBox(id, left, top, width, height, detected);
        }
    }

    TextRegions(WorkingSize size) {
        this.finder = new TextLineFinder(size);
    }

    void update(FrameContext frame) {
        if (!frame.hasPrevious || frame.cut) live.clear();
        else carry(frame.camera);
        live.removeIf(track -> frame.index - track.lastSeen > KEEP);
        List<TextBox> boxes = new ArrayList<>();
        if (frame.detail != null) {
            int existing = live.size();
            boolean[] matched = new boolean[existing];
            for (int[] found : finder.find(frame.grey)) {
                TextBox candidate = new TextBox(-1, found[0], found[1], found[2], found[3], true);
                int best = -1;
                double bestOverlap = 0.3;
                for (int t = 0; t < existing; t++) {
                    double overlap = live.get(t).box(false).overlap(candidate);
                    if (!matched[t] && overlap > bestOverlap) {
                        best = t;
                        bestOverlap = overlap;
                    }
                }
                Live track;
                if (best >= 0) {
                    matched[best] = true;
                    track = live.get(best);
                    track.left = found[0];
                    track.top = found[1];
                    track.width = found[2];
                    track.height = found[3];
                    track.lastSeen = frame.index;
                } else {
                    track = new Live(nextId++, found, frame.index);
                    live.add(track);
                }
                boxes.add(track.box(true));
            }
            for (int t = 0; t < matched.length; t++) if (!matched[t]) boxes.add(live.get(t).box(false));
        } else {
            for (Live track : live) boxes.add(track.box(track.lastSeen == frame.index));
        }
        frame.textBoxes = List.copyOf(boxes);
    }

    /** Moves every live box along with the camera, from the previous frame into this one. */
    private void carry(CameraMotion camera) {
        for (Iterator<Live> it = live.iterator(); it.hasNext(); ) {
            Live track = it.next();
            double[] a = camera.forward(track.left, track.top), b = camera.forward(track.left + track.width, track.top + track.height);
            track.left = a[0];
            track.top = a[1];
            track.width = b[0] - a[0];
            track.height = b[1] - a[1];
            if (track.width <= 1 || track.height <= 1) it.remove();
        }
    }

    @Override
    public void close() {
        finder.close();
    }
}
