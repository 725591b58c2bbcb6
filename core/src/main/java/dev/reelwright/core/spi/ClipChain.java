package dev.reelwright.core.spi;

import dev.reelwright.core.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A shot longer than its model's longest clip, made of chained clips: each part after the first was generated from
 * the previous part's last frame, so its own first frame repeats that frame and is skipped. Stored as a small JSON
 * file ({@value #SUFFIX}) beside nothing else: {@code parts} are paths relative to the chain file's folder (inside
 * the step cache, so the chain survives the output folder being moved), {@code frames} how many frames each part
 * gives, after the skipped one.
 */
public record ClipChain(List<String> parts, List<Integer> frames) {
    public static final String SUFFIX = ".chain.json";

    public ClipChain {
        parts = List.copyOf(parts);
        frames = List.copyOf(frames);
        if (parts.isEmpty() || parts.size() != frames.size()) throw new IllegalArgumentException("a chain needs one frame count per part");
        for (int count : frames) if (count < 1) throw new IllegalArgumentException("every part of a chain gives at least one frame");
    }

    public static boolean isChain(Path clip) {
        return clip.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SUFFIX);
    }

    public static ClipChain read(Path file) {
        return Json.readJson(file, ClipChain.class);
    }

    /** The parts as files, resolved against the chain file's folder. */
    public List<Path> files(Path chainFile) {
        Path folder = Objects.requireNonNull(chainFile.toAbsolutePath().getParent());
        return parts.stream().map(part -> folder.resolve(part).normalize()).toList();
    }

    /** Frames skipped at the start of part {@code i}: the repeated joining frame of every part but the first. */
    public static int skipped(int i) {
        return i == 0 ? 0 : 1;
    }

    public int totalFrames() {
        return frames.stream().mapToInt(Integer::intValue).sum();
    }
}
