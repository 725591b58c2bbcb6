package dev.reelwright.core.spi;

import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.VideoFormat;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link VideoGenerator} is asked for: {@code frames} frames at {@code format}, moving the camera
 * over the keyframe (image-to-video) as the prompt describes.
 */
public record ClipRequest(Path keyframe, String prompt, CameraMove camera, int frames, VideoFormat format, long seed) {
    public ClipRequest {
        Objects.requireNonNull(keyframe, "keyframe");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(format, "format");
        if (frames < 1) throw new IllegalArgumentException("a clip needs at least one frame");
    }
}
