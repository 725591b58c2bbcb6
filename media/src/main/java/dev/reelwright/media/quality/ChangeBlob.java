package dev.reelwright.media.quality;

/**
 * A connected patch of pixels whose change from the previous frame neither the optical flow nor a brightness change
 * explains: something appeared, vanished or jumped there. {@code pixels} are indexes into the working frame.
 */
record ChangeBlob(int left, int top, int width, int height, int area, double cx, double cy, double meanResidual,
                  double skinFraction, int[] pixels) {

    double fill() {
        return area / (double) (width * height);
    }

    double overlap(ChangeBlob other, double dx, double dy) {
        double l = Math.max(left + dx, other.left), r = Math.min(left + dx + width, other.left + other.width);
        double t = Math.max(top + dy, other.top), bo = Math.min(top + dy + height, other.top + other.height);
        if (r <= l || bo <= t) return 0;
        double inter = (r - l) * (bo - t);
        return inter / (width * height + other.width * other.height - inter);
    }
}
