package dev.reelwright.core.spi;

import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.progress.ProgressListener;
import dev.reelwright.core.timeline.Timeline;
import java.nio.file.Path;

/** Renders a timeline to the finished video in one encode, and the poster frame beside it. */
public interface VideoAssembler {
    /** A stable name; part of the assembly's cache key. */
    String id();

    /**
     * Writes {@code video} (H.264 + AAC MP4, faststart) and {@code poster} (JPEG of {@code timeline.posterFrame()}).
     * Both paths are written completely or not at all.
     */
    void assemble(Timeline timeline, Path video, Path poster, ProgressListener progress);

    /** Opens a clip the way the assembly will read it, at {@code format}'s size (to take a chained clip's last frame). */
    FrameSource open(Path clip, VideoFormat format);

    /**
     * Writes {@code wav} (mono 16-bit PCM): {@code seconds} of silence with {@code speech} (any audio file the
     * assembler decodes) starting {@code leadSeconds} in, cut at the end. What a lip-sync model is given, so the clip it
     * returns is as long as the shot and the mouth moves where the timeline plays the voice.
     */
    default void speechTrack(Path speech, double leadSeconds, double seconds, Path wav) {
        throw new UnsupportedOperationException(id() + " cannot prepare speech for a lip-synced shot");
    }
}
