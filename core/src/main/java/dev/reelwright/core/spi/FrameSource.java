package dev.reelwright.core.spi;

/**
 * A clip opened for reading, frame by frame, at the production's size. Frames are read in increasing
 * order (a decoder may not seek back), which lets clips stream: nothing holds a whole clip in memory.
 */
public interface FrameSource extends AutoCloseable {
    int frameCount();

    /**
     * Fills {@code rgb} (width * height pixels, 0xRRGGBB, row-major) with frame {@code index}. Indexes past
     * the end repeat the last frame, so a slightly short clip never shows black.
     */
    void read(int index, int[] rgb);

    @Override
    void close();
}
