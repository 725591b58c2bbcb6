package dev.reelwright.core.spi;

import java.nio.file.Path;

/**
 * Proves that a downloaded file is what it claims: a video with frames, an image, or audio. A truncated or
 * non-media download must fail here rather than become a clip. Implemented with FFmpeg in the media module.
 */
public interface MediaVerifier {
    enum Expect { VIDEO, IMAGE, AUDIO }

    /** What the verifier learned while decoding: length in seconds (0 for an image) and picture size (0 for audio). */
    record Verified(double seconds, int width, int height) {}

    /** Throws {@link dev.reelwright.core.error.ReelwrightException} when the file does not decode as expected. */
    Verified verify(Path file, Expect expect);
}
