package dev.reelwright.media.decode;

import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.spi.ClipDecoder;
import dev.reelwright.core.spi.FrameSource;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Opens ordinary video files (.mp4, .mov, .webm, .mkv) with the in-process FFmpeg: each clip is scaled to cover
 * the production's frame (centre crop, aspect kept) and read sequentially, re-timed to the production's frame rate.
 */
public final class FfmpegClipDecoder implements ClipDecoder {
    private static final Set<String> EXTENSIONS = Set.of("mp4", "mov", "webm", "mkv", "m4v");

    @Override
    public boolean accepts(Path clip) {
        String name = clip.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    @Override
    public FrameSource open(Path clip, VideoFormat format) {
        return FfmpegFrameSource.open(clip, format);
    }
}
