package dev.reelwright.media.decode;

/**
 * Scale-to-cover geometry: the source (with its sample aspect ratio) is scaled so it fills the target in both
 * directions, then the centre of it is cut out.
 */
record CoverCrop(int scaledWidth, int scaledHeight, int cropX, int cropY) {
    static CoverCrop of(int sourceWidth, int sourceHeight, double sampleAspect, int targetWidth, int targetHeight) {
        double displayWidth = sourceWidth * (sampleAspect > 0 ? sampleAspect : 1.0);
        double scale = Math.max(targetWidth / displayWidth, targetHeight / (double) sourceHeight);
        int w = Math.max(targetWidth, (int) Math.round(displayWidth * scale));
        int h = Math.max(targetHeight, (int) Math.round(sourceHeight * scale));
        return new CoverCrop(w, h, (w - targetWidth) / 2, (h - targetHeight) / 2);
    }
}
