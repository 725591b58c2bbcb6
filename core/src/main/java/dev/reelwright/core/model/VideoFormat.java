package dev.reelwright.core.model;

/** Pixel size and frame rate of the finished video; every frame in the pipeline is this size. */
public record VideoFormat(int width, int height, int fps) {
    public VideoFormat {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("video size must be positive and even, got " + width + "x" + height);
        }
        if (fps < 1 || fps > 120) throw new IllegalArgumentException("fps must be 1..120, got " + fps);
    }

    /** Whole frames covering the given seconds, rounded to the nearest frame. */
    public int frames(double seconds) {
        return (int) Math.round(seconds * fps);
    }

    public double seconds(long frames) {
        return frames / (double) fps;
    }

    @Override
    public String toString() {
        return width + "x" + height + "@" + fps;
    }
}
