package dev.reelwright.media.quality;

/**
 * The sizes frames are analysed at. Motion, brightness and shape detectors work on a small frame (long side
 * {@code longSide}, default 384): artifacts worth rejecting a clip for are visible there, and dense optical flow
 * costs grow with the pixel count. Text needs more pixels, so every few frames a larger "detail" frame is made for
 * OCR (long side up to {@code detailLongSide}). Sizes are even and never larger than the source.
 */
record WorkingSize(int width, int height, int detailWidth, int detailHeight) {
    static final int DEFAULT_LONG_SIDE = 384;
    static final int DEFAULT_DETAIL_LONG_SIDE = 640;

    static WorkingSize of(int sourceWidth, int sourceHeight, int longSide, int detailLongSide) {
        int[] small = fit(sourceWidth, sourceHeight, longSide);
        int[] detail = fit(sourceWidth, sourceHeight, detailLongSide);
        return new WorkingSize(small[0], small[1], detail[0], detail[1]);
    }

    private static int[] fit(int w, int h, int longSide) {
        double scale = Math.min(1.0, longSide / (double) Math.max(w, h));
        int fw = Math.max(2, (int) Math.round(w * scale / 2) * 2);
        int fh = Math.max(2, (int) Math.round(h * scale / 2) * 2);
        return new int[] {fw, fh};
    }

    /** Detail pixels per working pixel. */
    double detailScale() {
        return detailWidth / (double) width;
    }

    int pixels() {
        return width * height;
    }
}
