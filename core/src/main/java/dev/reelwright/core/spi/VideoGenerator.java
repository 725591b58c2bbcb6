package dev.reelwright.core.spi;

import java.nio.file.Path;

/** Keyframe + prompt + camera move + length -> a clip that a {@link ClipDecoder} can open. */
public interface VideoGenerator {
    /** A stable name; part of every cache key. */
    String id();

    /** Writes the clip into {@code folder} (an empty folder owned by this call). */
    GeneratedClip generate(ClipRequest request, Path folder);

    /** The clip file's name inside the step's folder, how many frames it holds, and what it cost. */
    record GeneratedClip(String file, int frames, Charge charge) {
        public GeneratedClip {
            charge = charge == null ? Charge.FREE : charge;
        }

        public GeneratedClip(String file, int frames) {
            this(file, frames, Charge.FREE);
        }
    }
}
