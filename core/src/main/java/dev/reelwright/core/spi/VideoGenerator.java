package dev.reelwright.core.spi;

import java.nio.file.Path;

/** Keyframe + prompt + camera move + length -> a clip that a {@link ClipDecoder} can open. */
public interface VideoGenerator {
    /** A stable name; part of every cache key. */
    String id();

    /** Writes the clip into {@code folder} (an empty folder owned by this call). */
    GeneratedClip generate(ClipRequest request, Path folder);

    /**
     * Whether clips come from a generative model, which can show generation artifacts (morphing, ghost limbs,
     * garbled text, ...) and gives a different clip for another seed. Such clips go through the quality filter and a
     * shot may try several. A renderer that only moves a camera over the keyframe says false: its clips cannot morph,
     * a static shot would read as "frozen", and another seed would give the same clip.
     */
    default boolean generative() {
        return true;
    }

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
