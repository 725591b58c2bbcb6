package dev.reelwright.media.quality;

/**
 * Skin-tone test in YCbCr (Chai and Ngan 1999, "Face segmentation using skin-color map in videophone applications":
 * 77 <= Cb <= 127 and 133 <= Cr <= 173), with a floor on brightness so shadows and black do not count.
 */
final class Skin {
    private Skin() {}

    /** Takes OpenCV's 8-bit YCrCb (the order OpenCV stores it in). */
    static boolean isSkin(int y, int cr, int cb) {
        return y >= 40 && cb >= 77 && cb <= 127 && cr >= 133 && cr <= 173;
    }
}
