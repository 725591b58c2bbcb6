package dev.reelwright.core.spi;

import dev.reelwright.core.model.VideoFormat;
import java.nio.file.Path;

/** Opens clip files of the kinds it knows (an MP4 from a vendor, a camera-move recipe from the local generator). */
public interface ClipDecoder {
    boolean accepts(Path clip);

    /** Opens the clip scaled to fill {@code format}'s frame. */
    FrameSource open(Path clip, VideoFormat format);
}
