package dev.reelwright.core.pipeline;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.script.ScriptParser;
import dev.reelwright.core.spi.ScenePlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Turns what the user named into a storyboard: a {@code .json} file is one already; anything else is a script to plan. */
public final class StoryboardLoader {
    private StoryboardLoader() {}

    public static boolean isStoryboard(Path input) {
        return input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    public static Storyboard load(Path input, ProductionSpec spec, ScenePlanner planner) {
        if (!Files.exists(input)) throw InputException.in(input, "no such file");
        if (Files.isDirectory(input)) throw InputException.in(input, "is a folder; name a script (.md, .txt) or a storyboard.json");
        if (isStoryboard(input)) return Json.readJson(input, Storyboard.class);
        return planner.plan(ScriptParser.parse(input), spec);
    }

    /** The default output folder: out/&lt;script name&gt;/ (a storyboard inside out/X/ keeps writing to out/X/). */
    public static Path defaultOutput(Path input) {
        String name = input.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path parent = input.toAbsolutePath().getParent();
        if (name.equals("storyboard") && parent != null && parent.getParent() != null
                && parent.getParent().getFileName() != null && parent.getParent().getFileName().toString().equals("out")) {
            return parent;
        }
        return Path.of("out", name.isBlank() ? "video" : name);
    }
}
