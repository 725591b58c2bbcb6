package dev.reelwright.core.spi;

import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.VideoFormat;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link VideoGenerator} is asked for: {@code frames} frames at {@code format}, moving the camera
 * over the keyframe (image-to-video) as the prompt describes.
 *
 * @param speech for a lip-synced shot, the shot's speech on a silent track exactly as long as the clip (a mono PCM
 *               WAV), placed where the timeline plays it, so the mouth moves in step; null for any other shot
 */
public record ClipRequest(Path keyframe, String prompt, CameraMove camera, int frames, VideoFormat format, long seed, Path speech) {
    public ClipRequest {
        Objects.requireNonNull(keyframe, "keyframe");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(format, "format");
        if (frames < 1) throw new IllegalArgumentException("a clip needs at least one frame");
    }

    /** A shot without speech to follow. */
    public ClipRequest(Path keyframe, String prompt, CameraMove camera, int frames, VideoFormat format, long seed) {
        this(keyframe, prompt, camera, frames, format, seed, null);
    }
}
