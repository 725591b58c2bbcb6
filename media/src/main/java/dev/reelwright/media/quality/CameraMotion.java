package dev.reelwright.media.quality;

/**
 * How the camera moved between the previous frame and this one, as a similarity transform that maps a pixel of
 * this frame to where the same scene point was in the previous frame: {@code prev = [a -b; b a] * cur + t}. Fitted
 * robustly (RANSAC) to the dense flow, so moving objects do not bend it; pans, zooms and rolls fit exactly.
 */
record CameraMotion(double a, double b, double tx, double ty, double inliers) {
    static final CameraMotion NONE = new CameraMotion(1, 0, 0, 0, 0);

    double prevX(double x, double y) {
        return a * x - b * y + tx;
    }

    double prevY(double x, double y) {
        return b * x + a * y + ty;
    }

    /** Where a point of the previous frame is in this one (the inverse map). */
    double[] forward(double px, double py) {
        double det = a * a + b * b;
        double x = px - tx, y = py - ty;
        return new double[] {(a * x + b * y) / det, (-b * x + a * y) / det};
    }

    /** This map after {@code first}: a point goes through {@code first}, then through this. */
    CameraMotion after(CameraMotion first) {
        return new CameraMotion(a * first.a - b * first.b, b * first.a + a * first.b,
                prevX(first.tx, first.ty), prevY(first.tx, first.ty), Math.min(inliers, first.inliers));
    }

    /** The inverse map. */
    CameraMotion inverse() {
        double det = a * a + b * b;
        double[] origin = forward(0, 0);
        return new CameraMotion(a / det, -b / det, origin[0], origin[1], inliers);
    }

    /** The same motion measured on pictures {@code factor} times the size. */
    CameraMotion scaled(double factor) {
        return new CameraMotion(a, b, tx * factor, ty * factor, inliers);
    }

    /** Previous-frame size of one unit here: below 1 while the camera pushes in. */
    double scale() {
        return Math.hypot(a, b);
    }
}
