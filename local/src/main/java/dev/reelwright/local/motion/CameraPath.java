package dev.reelwright.local.motion;

import dev.reelwright.core.model.CameraMove;

/**
 * Where the virtual camera looks on each frame of a {@link MotionRecipe}: a rectangle of the source image with the
 * output's aspect, given by its centre, zoom and rotation. Every pose keeps that rectangle, rotated, inside the source,
 * so no frame ever shows a border.
 *
 * <p>Zoom 1 is the largest output-shaped rectangle that fits the source ("cover"); zoom 1.25 shows 1/1.25 of it.
 * Coordinates are continuous source pixels: (0, 0) is the top-left corner of the top-left pixel.
 */
public final class CameraPath {
    /** The camera on one frame. */
    public record Pose(double zoom, double angle, double centerX, double centerY) {}

    /**
     * Output pixel (u, v) samples source pixel coordinates x = a*u + b*v + c, y = d*u + e*v + f, where integer source
     * coordinates are pixel centres.
     */
    public record Affine(double a, double b, double c, double d, double e, double f) {}

    private final MotionRecipe recipe;
    private final int sourceWidth;
    private final int sourceHeight;
    private final int outWidth;
    private final int outHeight;
    private final double cover;
    private final Easing easing;
    private final double amplitude;
    private final double focusX;
    private final double focusY;
    private final double driftX;
    private final double driftY;
    private final double side;

    public CameraPath(MotionRecipe recipe, int sourceWidth, int sourceHeight, int outWidth, int outHeight) {
        if (sourceWidth < 1 || sourceHeight < 1 || outWidth < 1 || outHeight < 1) throw new IllegalArgumentException("empty image");
        this.recipe = recipe;
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
        this.outWidth = outWidth;
        this.outHeight = outHeight;
        this.cover = Math.min(sourceWidth / (double) outWidth, sourceHeight / (double) outHeight);
        this.easing = Easing.of(recipe.easing());
        // Long clips travel further but slower; short ones still visibly move.
        this.amplitude = Math.max(0.6, Math.min(1.5, Math.sqrt(recipe.seconds() / 5.0)));
        // Keep the point of interest away from the edges, where there is no room to move toward it.
        this.focusX = sourceWidth * (0.5 + (recipe.focusX() - 0.5) * 0.8);
        this.focusY = sourceHeight * (0.5 + (recipe.focusY() - 0.5) * 0.8);
        long s = mix(recipe.seed() ^ 0x6A09E667F3BCC909L);
        double angle = (s >>> 11) * 0x1.0p-53 * Math.PI * 2;
        this.driftX = Math.cos(angle);
        this.driftY = Math.sin(angle);
        this.side = (mix(s) & 1) == 0 ? 1 : -1;
    }

    public int frames() {
        return recipe.frames();
    }

    /** Source pixels per output pixel at zoom 1. */
    public double cover() {
        return cover;
    }

    /** Move progress 0..1 on frame {@code i}, after easing. Indexes past the end clamp. */
    public double progress(int frame) {
        int n = recipe.frames();
        if (n <= 1) return 0;
        int i = Math.max(0, Math.min(n - 1, frame));
        return easing.apply(i / (double) (n - 1));
    }

    public Pose pose(int frame) {
        double e = progress(frame);
        double k = amplitude;
        double cx = sourceWidth / 2.0;
        double cy = sourceHeight / 2.0;
        Pose pose = switch (recipe.camera()) {
            case STATIC -> {
                double z = 1.012 + 0.022 * k * e;
                double m = 2 * e - 1;
                yield new Pose(z, 0, cx + driftX * slackX(z, 0) * 0.6 * m, cy + driftY * slackY(z, 0) * 0.6 * m);
            }
            case DOLLY_IN, DOLLY_OUT -> {
                double t = recipe.camera() == CameraMove.DOLLY_IN ? e : 1 - e;
                double z = 1 + clamp(0.25 * k, 0.14, 0.34) * t;
                // Zoom about a fixed point between the centre and the point of interest: it stays put on screen
                // while the frame closes in on it, and the view stays inside the source by construction.
                double fx = cx + (focusX - cx) * 0.85;
                double fy = cy + (focusY - cy) * 0.85;
                yield new Pose(z, 0, fx + (cx - fx) / z, fy + (cy - fy) / z);
            }
            case PAN_LEFT, PAN_RIGHT -> {
                double z = 1.15 + 0.03 * Math.min(1, k);
                double travel = slackX(z, 0) * 0.94 * clamp(0.5 + 0.4 * k, 0.6, 1.0);
                double dir = recipe.camera() == CameraMove.PAN_RIGHT ? 1 : -1;
                double y = cy + clamp(focusY - cy, -0.5 * slackY(z, 0), 0.5 * slackY(z, 0));
                yield new Pose(z, 0, cx + dir * travel * (2 * e - 1), y);
            }
            case CRANE_UP, CRANE_DOWN -> {
                double t = recipe.camera() == CameraMove.CRANE_UP ? e : 1 - e;
                double z = 1.2 - 0.06 * t;
                double travel = slackY(z, 0) * 0.92 * clamp(0.5 + 0.4 * k, 0.6, 1.0);
                double x = cx + clamp(focusX - cx, -0.5 * slackX(z, 0), 0.5 * slackX(z, 0));
                yield new Pose(z, 0, x, cy + travel * (1 - 2 * t));
            }
            case ORBIT -> {
                double max = Math.toRadians(clamp(1.6 + 1.4 * k, 2.2, 4.0));
                double theta = side * max * (2 * e - 1);
                double z = minZoom(max) * 1.02 + 0.035 * k * e;
                double sx = slackX(z, theta);
                yield new Pose(z, theta, cx + side * 0.7 * sx * (2 * e - 1), cy);
            }
        };
        return fit(pose);
    }

    /** The inverse map for frame {@code i}: output pixel to source pixel. */
    public Affine affine(int frame) {
        return affine(pose(frame));
    }

    public Affine affine(Pose p) {
        double step = cover / p.zoom();
        double cos = Math.cos(p.angle()) * step;
        double sin = Math.sin(p.angle()) * step;
        // Source point for output pixel centre (u + 0.5, v + 0.5), then -0.5 to index pixel centres.
        double du = 0.5 - outWidth / 2.0;
        double dv = 0.5 - outHeight / 2.0;
        double c = p.centerX() + cos * du - sin * dv - 0.5;
        double f = p.centerY() + sin * du + cos * dv - 0.5;
        return new Affine(cos, -sin, c, sin, cos, f);
    }

    /** True when the pose's view rectangle, rotated, lies inside the source (within {@code tolerance} pixels). */
    public boolean inside(Pose p, double tolerance) {
        double ex = extentX(p.zoom(), p.angle());
        double ey = extentY(p.zoom(), p.angle());
        return p.centerX() - ex >= -tolerance && p.centerX() + ex <= sourceWidth + tolerance
                && p.centerY() - ey >= -tolerance && p.centerY() + ey <= sourceHeight + tolerance;
    }

    /** Smallest zoom at which a view rotated by {@code angle} still fits the source. */
    double minZoom(double angle) {
        double cos = Math.abs(Math.cos(angle));
        double sin = Math.abs(Math.sin(angle));
        double zx = (outWidth * cos + outHeight * sin) * cover / sourceWidth;
        double zy = (outWidth * sin + outHeight * cos) * cover / sourceHeight;
        return Math.max(1, Math.max(zx, zy));
    }

    private Pose fit(Pose p) {
        double z = Math.max(p.zoom(), minZoom(p.angle()));
        double ex = extentX(z, p.angle());
        double ey = extentY(z, p.angle());
        double x = clamp(p.centerX(), ex, sourceWidth - ex);
        double y = clamp(p.centerY(), ey, sourceHeight - ey);
        return new Pose(z, p.angle(), x, y);
    }

    private double halfW(double z) {
        return outWidth * cover / (2 * z);
    }

    private double halfH(double z) {
        return outHeight * cover / (2 * z);
    }

    private double extentX(double z, double angle) {
        return halfW(z) * Math.abs(Math.cos(angle)) + halfH(z) * Math.abs(Math.sin(angle));
    }

    private double extentY(double z, double angle) {
        return halfW(z) * Math.abs(Math.sin(angle)) + halfH(z) * Math.abs(Math.cos(angle));
    }

    /** Room left for the centre to move sideways at this zoom and angle. */
    private double slackX(double z, double angle) {
        return Math.max(0, sourceWidth / 2.0 - extentX(z, angle));
    }

    private double slackY(double z, double angle) {
        return Math.max(0, sourceHeight / 2.0 - extentY(z, angle));
    }

    private static double clamp(double v, double lo, double hi) {
        if (lo > hi) return (lo + hi) / 2;
        return v < lo ? lo : (v > hi ? hi : v);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
