package dev.reelwright.core.pipeline;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.script.Script;
import dev.reelwright.core.script.ScriptParser;
import dev.reelwright.core.spi.ScenePlanner;
import dev.reelwright.core.step.StepCache;
import dev.reelwright.core.step.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns what the user named into a storyboard: a {@code .json} file is one already; anything else is a script to plan. */
public final class StoryboardLoader {
    private StoryboardLoader() {}

    public static boolean isStoryboard(Path input) {
        return input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** A storyboard, and the planning step that made it (null when the input was a storyboard already). */
    public record Loaded(Storyboard storyboard, StepResult<ScenePlanner.Plan> plan) {}

    public static Storyboard load(Path input, ProductionSpec spec, ScenePlanner planner) {
        return load(input, spec, planner, null).storyboard();
    }

    /**
     * Reads a storyboard, or plans one from a script. With a {@code cache}, planning is a cached step like any
     * other: an LLM planner is paid once for the same script and settings, however often plan, estimate and make
     * run.
     */
    public static Loaded load(Path input, ProductionSpec spec, ScenePlanner planner, StepCache cache) {
        if (!Files.exists(input)) throw InputException.in(input, "no such file");
        if (Files.isDirectory(input)) throw InputException.in(input, "is a folder; name a script (.md, .txt) or a storyboard.json");
        if (isStoryboard(input)) return new Loaded(Json.readJson(input, Storyboard.class), null);
        Script script = ScriptParser.parse(input);
        if (cache == null) return new Loaded(planner.plan(script, spec), null);
        // What a planner reads: the script's words (not where the file lies) and the settings that shape scenes.
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("planner", planner.id());
        inputs.put("title", script.title() == null ? "" : script.title());
        inputs.put("scenes", script.scenes());
        inputs.put("spec_title", spec.title() == null ? "" : spec.title());
        inputs.put("brand", spec.brand());
        inputs.put("seed", spec.seed());
        inputs.put("words_per_minute", spec.wordsPerMinute());
        inputs.put("scene_seconds", List.of(spec.minSceneSeconds(), spec.maxSceneSeconds()));
        StepResult<ScenePlanner.Plan> plan = cache.run("plan", inputs, ScenePlanner.Plan.class, folder -> planner.planWithCost(script, spec));
        return new Loaded(plan.value().storyboard(), plan);
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
