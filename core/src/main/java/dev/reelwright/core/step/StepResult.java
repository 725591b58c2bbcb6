package dev.reelwright.core.step;

import java.nio.file.Path;

/** A finished step: where its files are, what it said it wrote, and whether it came from the cache. */
public record StepResult<T>(String kind, String hash, Path folder, T value, boolean reused, double seconds) {
    public Path file(String name) {
        return folder.resolve(name);
    }
}
