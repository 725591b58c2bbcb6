package dev.reelwright.core.spi;

import java.nio.file.Path;

/** Keyframe + prompt + camera move + length -> a clip that a {@link ClipDecoder} can open. */
public interface VideoGenerator {
    /** A stable name; part of every cache key. */
    String id();

    /** Writes the clip into {@code folder} (an empty folder owned by this call). */
    GeneratedClip generate(ClipRequest request, Path folder);

    /** The clip file's name inside the step's folder and how many frames it holds. */
    record GeneratedClip(String file, int frames) {}
}
