package dev.reelwright.core.script;

import java.nio.file.Path;
import java.util.List;

/** A parsed script: an optional title and its scenes in order, each remembering where it stood in the file. */
public record Script(Path source, String title, List<ScriptScene> scenes) {
    public Script {
        scenes = List.copyOf(scenes);
    }

    /** A scene as written: heading (may be null), narration paragraph, visual description, and its first line. */
    public record ScriptScene(String heading, String narration, String visual, int line) {}
}
