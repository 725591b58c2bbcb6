package dev.reelwright.local.motion;

import dev.reelwright.core.spi.FrameSource;

/** Renders the frames of one motion recipe on demand. One instance is read by one thread at a time. */
final class MotionFrameSource implements FrameSource {
    private final CameraPath path;
    private final int width;
    private final int height;
    private final double scale;
    private SourceImage source;
    private final AffineSampler.Scratch scratch;

    /**
     * @param scale source pixels of {@code source} per pixel of the image the path was planned on (1, or 1/n when the
     *              source was shrunk by n)
     */
    MotionFrameSource(CameraPath path, SourceImage source, double scale, int width, int height) {
        this.path = path;
        this.source = source;
        this.scale = scale;
        this.width = width;
        this.height = height;
        this.scratch = new AffineSampler.Scratch(width);
    }

    @Override
    public int frameCount() {
        return path.frames();
    }

    @Override
    public void read(int index, int[] rgb) {
        SourceImage s = source;
        if (s == null) throw new IllegalStateException("the clip is closed");
        if (rgb.length < width * height) {
            throw new IllegalArgumentException("frame buffer holds " + rgb.length + " pixels, a frame needs " + width * height);
        }
        CameraPath.Affine m = path.affine(Math.max(0, Math.min(path.frames() - 1, index)));
        double k = scale;
        // Scaling source coordinates about pixel centres: x' = (x + 0.5) * k - 0.5.
        double off = 0.5 * k - 0.5;
        AffineSampler.render(s, m.a() * k, m.b() * k, m.c() * k + off, m.d() * k, m.e() * k, m.f() * k + off, rgb, width, height, scratch);
    }

    @Override
    public void close() {
        source = null;
    }
}
