package dev.reelwright.media.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds objects that jumped: blobs of unexplained change whose content, in this frame, is found in the previous frame
 * somewhere else, further than the flow could follow. The match is normalised cross-correlation over luma and both
 * chroma channels, and it must beat the correlation with what was at the same place before by a wide margin (text
 * and repeated patterns resemble their neighbours; a word replaced is not a word that moved).
 *
 * <p>Two cases: the object landed clear of where it was, leaving two blobs (the place it left, the place it landed)
 * whose displacement is tried directly; or the two places touch and make one elongated blob, which is split across
 * its long axis, each half's source searched for inside the blob (coarse grid, then refined). Blobs a few pixels
 * apart are first joined: a place an object left often shows as a few pieces.
 */
final class JumpMatcher {
    static final double MIN_CORRELATION = 0.7;
    private static final double MIN_GAIN = 0.3;
    private static final double MIN_FILL = 0.3;
    private static final double MAX_AREA_RATIO = 3;
    private static final double SPLIT_ELONGATION = 1.25;
    /** Blobs closer than this (working pixels) are taken as pieces of one. */
    private static final int GROUP_GAP = 3;
    /** Least colour variance (summed over Y, Cr, Cb) of a patch worth correlating. */
    private static final double MIN_VARIANCE = 200;
    /** How far around the blob-centre displacement a pair's best match is searched, in working pixels. */
    private static final int NUDGE = 6;

    private final int minArea;
    private final double minDistance;

    JumpMatcher(WorkingSize size) {
        this.minArea = Math.max(16, (int) Math.round(size.pixels() * 0.0008));
        this.minDistance = 0.025 * Math.hypot(size.width(), size.height());
    }

    void match(FrameContext frame, FrameContext previous) {
        if (!frame.hasPrevious || frame.cut || previous == null || frame.blobs.isEmpty()) return;
        List<Group> solid = new ArrayList<>();
        for (Group group : groups(frame)) {
            ChangeBlob blob = group.blob;
            if (frame.onText(blob.cx(), blob.cy(), 3)) continue; // text is the text detector's business
            if (blob.area() >= minArea && blob.fill() >= MIN_FILL && Math.min(blob.width(), blob.height()) >= 6) solid.add(group);
        }
        List<Jump> jumps = new ArrayList<>();
        for (Group landedGroup : solid) {
            ChangeBlob landed = landedGroup.blob;
            Jump best = null;
            Patch patch = Patch.of(frame, box(frame, landed.pixels()), 2);
            double stay = patch.correlation(previous, frame.camera, 0, 0);
            for (Group leftGroup : solid) {
                ChangeBlob left = leftGroup.blob;
                if (left == landed) continue;
                double ratio = Math.max(landed.area(), left.area()) / (double) Math.min(landed.area(), left.area());
                double dx = left.cx() - landed.cx(), dy = left.cy() - landed.cy();
                if (ratio > MAX_AREA_RATIO || Math.hypot(dx, dy) < minDistance) continue;
                // Blob centres are only roughly the object's: search a little around the displacement they give.
                int[] shift = patch.best(previous, frame.camera, (int) Math.round(dx), (int) Math.round(dy), NUDGE, 2);
                double correlation = patch.correlation(previous, frame.camera, shift[0], shift[1]);
                if (accepted(correlation, stay) && (best == null || correlation > best.correlation())) {
                    List<ChangeBlob> members = new ArrayList<>(landedGroup.members);
                    members.addAll(leftGroup.members);
                    best = new Jump(landed.cx() + shift[0], landed.cy() + shift[1], landed.cx(), landed.cy(),
                            Math.hypot(shift[0], shift[1]), correlation, members);
                }
            }
            if (best == null) best = withinBlob(frame, previous, landedGroup);
            if (best != null) jumps.add(best);
        }
        frame.jumps = List.copyOf(jumps);
    }

    /** Blobs joined with their close neighbours: an object's old or new place often breaks into a few pieces. */
    private record Group(ChangeBlob blob, List<ChangeBlob> members) {}

    private static List<Group> groups(FrameContext frame) {
        List<ChangeBlob> blobs = frame.blobs;
        int n = blobs.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (near(blobs.get(i), blobs.get(j), GROUP_GAP)) parent[find(parent, j)] = find(parent, i);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (int root = 0; root < n; root++) {
            if (find(parent, root) != root) continue;
            List<ChangeBlob> members = new ArrayList<>();
            for (int i = 0; i < n; i++) if (find(parent, i) == root) members.add(blobs.get(i));
            groups.add(new Group(members.size() == 1 ? members.get(0) : merged(frame, members), members));
        }
        return groups;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private static boolean near(ChangeBlob a, ChangeBlob b, int gap) {
        return a.left() - gap <= b.left() + b.width() && b.left() - gap <= a.left() + a.width()
                && a.top() - gap <= b.top() + b.height() && b.top() - gap <= a.top() + a.height();
    }

    private static ChangeBlob merged(FrameContext frame, List<ChangeBlob> members) {
        int left = Integer.MAX_VALUE, top = Integer.MAX_VALUE, right = 0, bottom = 0, area = 0;
        double sx = 0, sy = 0, residual = 0, skin = 0;
        for (ChangeBlob b : members) {
            left = Math.min(left, b.left());
            top = Math.min(top, b.top());
            right = Math.max(right, b.left() + b.width());
            bottom = Math.max(bottom, b.top() + b.height());
            area += b.area();
            sx += b.cx() * b.area();
            sy += b.cy() * b.area();
            residual += b.meanResidual() * b.area();
            skin += b.skinFraction() * b.area();
        }
        int[] pixels = new int[area];
        int k = 0;
        for (ChangeBlob b : members) {
            System.arraycopy(b.pixels(), 0, pixels, k, b.pixels().length);
            k += b.pixels().length;
        }
        return new ChangeBlob(left, top, right - left, bottom - top, area, sx / area, sy / area, residual / area, skin / area, pixels);
    }

    private static boolean accepted(double correlation, double stay) {
        return correlation >= MIN_CORRELATION && correlation - Math.max(0, stay) >= MIN_GAIN;
    }

    /** One elongated blob made of the place an object left and the place it landed: split it and search each half's source. */
    private Jump withinBlob(FrameContext frame, FrameContext previous, Group group) {
        ChangeBlob blob = group.blob;
        int[] pixels = blob.pixels();
        double sxx = 0, syy = 0, sxy = 0;
        for (int i : pixels) {
            double x = i % frame.width - blob.cx(), y = i / frame.width - blob.cy();
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        double common = Math.sqrt(Math.pow(sxx - syy, 2) + 4 * sxy * sxy);
        double major = (sxx + syy + common) / 2, minor = Math.max(1e-9, (sxx + syy - common) / 2);
        if (Math.sqrt(major / minor) < SPLIT_ELONGATION) return null;
        double angle = 0.5 * Math.atan2(2 * sxy, sxx - syy), ux = Math.cos(angle), uy = Math.sin(angle);
        List<Integer> one = new ArrayList<>(), other = new ArrayList<>();
        for (int i : pixels) {
            double along = (i % frame.width - blob.cx()) * ux + (i / frame.width - blob.cy()) * uy;
            (along < 0 ? one : other).add(i);
        }
        java.util.BitSet members = new java.util.BitSet(frame.width * frame.height);
        for (int i : pixels) members.set(i);
        Jump best = null;
        for (List<Integer> half : List.of(one, other)) {
            if (half.size() < minArea / 2) continue;
            Patch patch = Patch.of(frame, box(frame, half.stream().mapToInt(Integer::intValue).toArray()), 2);
            double stay = patch.correlation(previous, frame.camera, 0, 0);
            int reach = Math.max(blob.width(), blob.height());
            int[] shift = patch.best(previous, frame.camera, 0, 0, reach, 4, (dx, dy) -> {
                // The source must be on this blob (something left from there), not merely in its box, and a real
                // move away: a new limb in the box of an old arm did not come from the arm.
                int sx = (int) Math.round(patch.cx + dx), sy = (int) Math.round(patch.cy + dy);
                return Math.hypot(dx, dy) >= minDistance && sx >= 0 && sy >= 0 && sx < frame.width && sy < frame.height
                        && members.get(sy * frame.width + sx);
            });
            int bestDx = shift[0], bestDy = shift[1];
            double bestCorrelation = patch.correlation(previous, frame.camera, bestDx, bestDy);
            if (accepted(bestCorrelation, stay) && (best == null || bestCorrelation > best.correlation())) {
                best = new Jump(patch.cx + bestDx, patch.cy + bestDy, patch.cx, patch.cy, Math.hypot(bestDx, bestDy), bestCorrelation, group.members);
            }
        }
        return best;
    }

    /**
     * The pixels of a box padded by a few pixels: the object and its outline against what surrounds it. (A flat
     * object's own pixels alone have no structure to correlate.)
     */
    private static int[] box(FrameContext frame, int[] blob) {
        int pad = 3;
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = 0, y1 = 0;
        for (int i : blob) {
            x0 = Math.min(x0, i % frame.width);
            x1 = Math.max(x1, i % frame.width);
            y0 = Math.min(y0, i / frame.width);
            y1 = Math.max(y1, i / frame.width);
        }
        x0 = Math.max(0, x0 - pad);
        y0 = Math.max(0, y0 - pad);
        x1 = Math.min(frame.width - 1, x1 + pad);
        y1 = Math.min(frame.height - 1, y1 + pad);
        int[] pixels = new int[(x1 - x0 + 1) * (y1 - y0 + 1)];
        int k = 0;
        for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) pixels[k++] = y * frame.width + x;
        return pixels;
    }

    @FunctionalInterface
    private interface Allowed {
        boolean test(int dx, int dy);
    }

    /** Colour samples of this frame at a set of pixels (every {@code stride}th), ready to correlate with shifted places before. */
    private record Patch(int[] xs, int[] ys, double[] values, double cx, double cy, FrameContext frame) {
        static Patch of(FrameContext frame, int[] pixels, int stride) {
            int n = (pixels.length + stride - 1) / stride;
            int[] xs = new int[n], ys = new int[n];
            double[] values = new double[3 * n];
            double sx = 0, sy = 0;
            for (int k = 0, j = 0; k < pixels.length && j < n; k += stride, j++) {
                int i = pixels[k];
                xs[j] = i % frame.width;
                ys[j] = i / frame.width;
                sx += xs[j];
                sy += ys[j];
                for (int c = 0; c < 3; c++) values[3 * j + c] = frame.colour[3 * i + c] & 0xFF;
            }
            return new Patch(xs, ys, values, sx / n, sy / n, frame);
        }

        int[] best(FrameContext previous, CameraMotion camera, int cx, int cy, int range, int step) {
            return best(previous, camera, cx, cy, range, step, (dx, dy) -> true);
        }

        /** The shift within {@code range} of (cx, cy) that correlates best: a grid at {@code step}, then refined by one. */
        int[] best(FrameContext previous, CameraMotion camera, int cx, int cy, int range, int step, Allowed allowed) {
            int bx = cx, by = cy;
            double bestCorrelation = -2;
            for (int pass = 0; pass < 2; pass++) {
                int ox = bx, oy = by, r = pass == 0 ? range : step - 1, s = pass == 0 ? step : 1;
                for (int dy = oy - r; dy <= oy + r; dy += s) {
                    for (int dx = ox - r; dx <= ox + r; dx += s) {
                        if (!allowed.test(dx, dy)) continue;
                        double correlation = correlation(previous, camera, dx, dy);
                        if (correlation > bestCorrelation) {
                            bestCorrelation = correlation;
                            bx = dx;
                            by = dy;
                        }
                    }
                }
                if (step == 1) break;
            }
            return new int[] {bx, by};
        }

        /** NCC of the samples with the previous frame at the camera-mapped place shifted by (dx, dy). */
        double correlation(FrameContext previous, CameraMotion camera, int dx, int dy) {
            double[] sa = new double[3], sb = new double[3], saa = new double[3], sbb = new double[3], sab = new double[3];
            int n = 0;
            byte[] colour = previous.colour;
            for (int j = 0; j < xs.length; j++) {
                int px = (int) Math.round(camera.prevX(xs[j] + dx, ys[j] + dy)), py = (int) Math.round(camera.prevY(xs[j] + dx, ys[j] + dy));
                if (px < 0 || py < 0 || px >= previous.width || py >= previous.height) continue;
                int i = 3 * (py * previous.width + px);
                for (int c = 0; c < 3; c++) {
                    double a = values[3 * j + c], b = colour[i + c] & 0xFF;
                    sa[c] += a;
                    sb[c] += b;
                    saa[c] += a * a;
                    sbb[c] += b * b;
                    sab[c] += a * b;
                }
                n++;
            }
            if (n < Math.max(12, xs.length / 2)) return -1;
            double va = 0, vb = 0, cov = 0;
            for (int c = 0; c < 3; c++) {
                va += saa[c] / n - (sa[c] / n) * (sa[c] / n);
                vb += sbb[c] / n - (sb[c] / n) * (sb[c] / n);
                cov += sab[c] / n - (sa[c] / n) * (sb[c] / n);
            }
            // Flat or gently shaded patches correlate with anything nearby: an object has edges.
            if (va < MIN_VARIANCE || vb < MIN_VARIANCE) return -1;
            return cov / Math.sqrt(va * vb);
        }
    }
}
