package dev.reelwright.core.spi;

import java.nio.file.Path;

/** Prompt (+ seed) -> a keyframe image. */
public interface ImageGenerator {
    /** A stable name; it is part of every cache key, so change it when the output for the same input changes. */
    String id();

    /**
     * Writes the keyframe into {@code folder} (an empty folder owned by this call) and says which file it is.
     * The same request must give the same bytes.
     */
    GeneratedImage generate(KeyframeRequest request, Path folder);

    /** The image file's name inside the step's folder, and what it cost. */
    record GeneratedImage(String file, Charge charge) {
        public GeneratedImage {
            charge = charge == null ? Charge.FREE : charge;
        }

        public GeneratedImage(String file) {
            this(file, Charge.FREE);
        }
    }
}
