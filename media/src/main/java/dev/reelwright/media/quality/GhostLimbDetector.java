package dev.reelwright.media.quality;

import dev.reelwright.core.quality.Artifact;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Ghost limbs: structure that appears for a handful of frames and vanishes again where it appeared. Each blob of
 * unexplained change opens a watch on its pixels; the watch follows the surrounding motion (the median flow around
 * it) and closes as a transient when the picture there returns to what it was before the change, within
 * {@link #MAX_FRAMES} frames. Lasting changes (an object entering, a sign changing) never return, so they are not
 * transients.
 *
 * <p>Left out: blobs a {@link Jump} explains (teleportation), frames with a large brightness step (flicker's
 * business), and places where transients recur three times or more, which is content such as a blinking light. The
 * badness is the transient's area in per cent of the frame, weighted up when it is skin-toned ({@link Skin}), since
 * extra hands and arms are the usual case.
 */
final class GhostLimbDetector implements Detector {
    /** A transient covering 0.2 % of the frame (a forearm in a medium shot) is at the rejection threshold. */
    static final double CRITICAL = 0.2;
    static final int MAX_FRAMES = 6;
    private static final double MIN_CHANGE = 25;
    private static final double RETURN_RATIO = 0.4;
    private static final double MAX_BRIGHTNESS_STEP = 0.04;
    private static final int RECURRENCE = 3;

    private final boolean keepFrames;
    private final int minArea;
    private final List<Watch> watches = new ArrayList<>();
    private final List<Transient> transients = new ArrayList<>();

    /** A blob being watched: its pixels, their colour (Y, Cr, Cb) before and during the change, and how far it has moved since. */
    private static final class Watch {
        final int start;
        final ChangeBlob blob;
        final float[] before;
        final float[] during;
        double dx;
        double dy;

        Watch(int start, ChangeBlob blob, float[] before, float[] during) {
            this.start = start;
            this.blob = blob;
            this.before = before;
            this.during = during;
        }
    }

    private record Transient(int start, int frames, ChangeBlob blob, double share, double badness, Capture capture) {}

    GhostLimbDetector(WorkingSize size, boolean keepFrames) {
        this.keepFrames = keepFrames;
        this.minArea = Math.max(16, (int) Math.round(size.pixels() * 0.0008));
    }

    @Override
    public Artifact artifact() {
        return Artifact.GHOST_LIMBS;
    }

    @Override
    public void accept(FrameContext frame, FrameHistory history) {
        if (!frame.hasPrevious || frame.cut) {
            watches.clear();
            return;
        }
        follow(frame, history);
        if (Math.abs(frame.regionShift[FrameContext.GLOBAL]) > MAX_BRIGHTNESS_STEP) return;
        FrameContext previous = history.get(frame.index - 1);
        if (previous == null) return;
        double[] colour = new double[3];
        for (ChangeBlob blob : frame.blobs) {
            if (blob.area() < minArea || blob.meanResidual() < MIN_CHANGE) continue;
            if (frame.jumps.stream().anyMatch(jump -> jump.involves(blob))) continue;
            if (frame.onText(blob.cx(), blob.cy(), 3)) continue; // damaged text is text corruption
            int[] pixels = blob.pixels();
            float[] before = new float[pixels.length * 3], during = new float[pixels.length * 3];
            for (int k = 0; k < pixels.length; k++) {
                int x = pixels[k] % frame.width, y = pixels[k] / frame.width;
                for (int c = 0; c < 3; c++) during[3 * k + c] = frame.colour[3 * pixels[k] + c] & 0xFF;
                previous.colourAt(frame.camera.prevX(x, y), frame.camera.prevY(x, y), colour);
                for (int c = 0; c < 3; c++) before[3 * k + c] = (float) colour[c];
            }
            watches.add(new Watch(frame.index, blob, before, during));
        }
    }

    /** Moves each watch with the motion around it and closes those whose picture has returned. */
    private void follow(FrameContext frame, FrameHistory history) {
        for (Iterator<Watch> it = watches.iterator(); it.hasNext(); ) {
            Watch watch = it.next();
            int age = frame.index - watch.start;
            if (age > MAX_FRAMES) {
                it.remove();
                continue;
            }
            double[] motion = surroundingMotion(frame, watch);
            watch.dx -= motion[0];
            watch.dy -= motion[1];
            double change = 0, back = 0;
            double[] colour = new double[3];
            int[] pixels = watch.blob.pixels();
            for (int k = 0; k < pixels.length; k++) {
                int x = pixels[k] % frame.width, y = pixels[k] / frame.width;
                frame.colourAt(x + watch.dx, y + watch.dy, colour);
                for (int c = 0; c < 3; c++) {
                    change += Math.abs(watch.during[3 * k + c] - watch.before[3 * k + c]);
                    back += Math.abs(colour[c] - watch.before[3 * k + c]);
                }
            }
            change /= pixels.length;
            back /= pixels.length;
            if (change >= MIN_CHANGE && back <= RETURN_RATIO * change) {
                it.remove();
                if (!returnedByJump(frame, watch)) record(watch, age, history);
            }
        }
    }

    /** An object that jumped away and now jumped back leaves a transient too: that is teleportation's. */
    private static boolean returnedByJump(FrameContext frame, Watch watch) {
        for (Jump jump : frame.jumps) {
            for (ChangeBlob blob : jump.members()) {
                if (watch.blob.overlap(blob, watch.dx, watch.dy) > 0.1) return true;
            }
        }
        return false;
    }

    /** Median flow over the watched box and a margin around it, from pixels the flow explains. */
    private static double[] surroundingMotion(FrameContext frame, Watch watch) {
        ChangeBlob blob = watch.blob;
        int marginX = Math.max(4, blob.width() / 2), marginY = Math.max(4, blob.height() / 2);
        int x0 = (int) Math.max(0, blob.left() + watch.dx - marginX), x1 = (int) Math.min(frame.width - 1, blob.left() + blob.width() + watch.dx + marginX);
        int y0 = (int) Math.max(0, blob.top() + watch.dy - marginY), y1 = (int) Math.min(frame.height - 1, blob.top() + blob.height() + watch.dy + marginY);
        List<Float> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int y = y0; y <= y1; y += 2) {
            for (int x = x0; x <= x1; x += 2) {
                int i = y * frame.width + x;
                if (frame.valid[i] == 0 || Math.abs(frame.residual[i]) > 12 || frame.chromaResidual[i] > 12) continue;
                xs.add(frame.flow[2 * i]);
                ys.add(frame.flow[2 * i + 1]);
            }
        }
        if (xs.isEmpty()) return new double[] {0, 0};
        xs.sort(null);
        ys.sort(null);
        return new double[] {xs.get(xs.size() / 2), ys.get(ys.size() / 2)};
    }

    private void record(Watch watch, int frames, FrameHistory history) {
        ChangeBlob blob = watch.blob;
        FrameContext newest = history.newest();
        double share = 100.0 * blob.area() / (newest.width * newest.height);
        double badness = share * (0.6 + 0.4 * blob.skinFraction());
        Capture capture = null;
        FrameContext before = history.get(watch.start - 1), during = history.get(watch.start);
        if (before != null && during != null && transients.size() < 64) capture = Capture.of(before, during, keepFrames);
        transients.add(new Transient(watch.start, frames, blob, share, badness, capture));
    }

    @Override
    public Finding finish() {
        Transient worst = null;
        int counted = 0;
        for (Transient candidate : transients) {
            long sameplace = transients.stream().filter(other -> other.blob.overlap(candidate.blob, 0, 0) > 0.2).count();
            if (sameplace >= RECURRENCE) continue; // a light that blinks, not a limb
            counted++;
            if (worst == null || candidate.badness > worst.badness) worst = candidate;
        }
        String note = worst == null ? transients.size() + " recurring transients (blinking content), none counted"
                : String.format(Locale.ROOT, "%d transients; largest %d px (%.2f %% of the frame, %.0f %% skin-toned) for %d frames from frame %d",
                        counted, worst.blob.area(), worst.share,
                        100 * worst.blob.skinFraction(), worst.frames, worst.start);
        Capture capture = worst == null ? null : worst.capture;
        for (Transient t : transients) if (t.capture != null && t.capture != capture) t.capture.close();
        transients.removeIf(t -> t.capture != capture);
        return new Finding(artifact(), Scores.fromBadness(worst == null ? 0 : worst.badness, CRITICAL), capture, note);
    }

    @Override
    public void close() {
        for (Transient t : transients) if (t.capture != null) t.capture.close();
        transients.clear();
    }
}
