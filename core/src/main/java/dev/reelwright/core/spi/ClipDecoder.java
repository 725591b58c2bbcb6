package dev.reelwright.core.spi;

import dev.reelwright.core.model.VideoFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Opens clip files of the kinds it knows (an MP4 from a vendor, a camera-move recipe from the local generator). */
public interface ClipDecoder {
    boolean accepts(Path clip);

    /** Opens the clip scaled to fill {@code format}'s frame. */
    FrameSource open(Path clip, VideoFormat format);

    /** The first of {@code decoders} that accepts {@code clip}: the order is the order of preference. */
    static Optional<ClipDecoder> first(List<ClipDecoder> decoders, Path clip) {
        return decoders.stream().filter(decoder -> decoder.accepts(clip)).findFirst();
    }
}
