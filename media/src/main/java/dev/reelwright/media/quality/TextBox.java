package dev.reelwright.media.quality;

/**
 * A line of text in the working frame, with the id of the text track it belongs to. {@code detected} is false when
 * the line was not found on this frame and its place is only carried forward with the camera's motion.
 */
record TextBox(int track, double left, double top, double width, double height, boolean detected) {
    boolean contains(double x, double y, double margin) {
        return x >= left - margin && x <= left + width + margin && y >= top - margin && y <= top + height + margin;
    }

    double overlap(TextBox other) {
        double l = Math.max(left, other.left), r = Math.min(left + width, other.left + other.width);
        double t = Math.max(top, other.top), b = Math.min(top + height, other.top + other.height);
        if (r <= l || b <= t) return 0;
        double inter = (r - l) * (b - t);
        return inter / (width * height + other.width * other.height - inter);
    }
}
