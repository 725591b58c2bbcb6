package dev.reelwright.providers.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.Mood;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Scene;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.model.TitleCard;
import dev.reelwright.core.script.Script;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every LLM planner is asked and how its answer becomes a storyboard: one instruction text and one JSON schema
 * (OpenAI's json_schema response format and Anthropic's forced tool use take the same schema), and one mapping back.
 */
public final class PlannerSchema {
    public static final String NAME = "storyboard";

    private PlannerSchema() {}

    public static String instructions(ProductionSpec spec) {
        return """
                You are a film director's assistant. Break the user's script into scenes for a short video.
                Rules: keep the narration verbatim, in order, splitting it only at sentence boundaries; every word of the
                script's narration appears in exactly one scene. For each scene write a concrete visual description of one
                shot (subject, setting, light, time of day), choose one camera move and one mood from the allowed values,
                and estimate its length in seconds at %d words per minute plus about one second of breathing room,
                between %.0f and %.0f seconds.
                """.formatted(spec.wordsPerMinute(), spec.minSceneSeconds(), spec.maxSceneSeconds()).strip();
    }

    /** The user message: the script's scenes as the parser read them. */
    public static String userMessage(Script script) {
        StringBuilder text = new StringBuilder();
        if (script.title() != null) text.append("Title: ").append(script.title()).append("\n\n");
        for (Script.ScriptScene scene : script.scenes()) {
            if (scene.heading() != null) text.append("## ").append(scene.heading()).append('\n');
            if (!scene.visual().isBlank()) text.append("[visual: ").append(scene.visual()).append("]\n");
            text.append(scene.narration()).append("\n\n");
        }
        return text.toString().strip();
    }

    /** JSON Schema of the answer, strict-mode compatible (every property required, no extras). */
    public static Map<String, Object> schema() {
        Map<String, Object> scene = new LinkedHashMap<>();
        scene.put("type", "object");
        scene.put("properties", Map.of(
                "heading", Map.of("type", "string"),
                "narration", Map.of("type", "string"),
                "visual", Map.of("type", "string"),
                "camera", Map.of("type", "string", "enum", Arrays.stream(CameraMove.values()).map(CameraMove::label).toList()),
                "mood", Map.of("type", "string", "enum", Arrays.stream(Mood.values()).map(Mood::label).toList()),
                "seconds", Map.of("type", "number")));
        scene.put("required", List.of("heading", "narration", "visual", "camera", "mood", "seconds"));
        scene.put("additionalProperties", false);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("type", "object");
        root.put("properties", Map.of("title", Map.of("type", "string"), "scenes", Map.of("type", "array", "items", scene)));
        root.put("required", List.of("title", "scenes"));
        root.put("additionalProperties", false);
        return root;
    }

    /** The model's answer as a storyboard; a malformed answer is the vendor's bad output, not the user's input. */
    public static Storyboard toStoryboard(String vendor, JsonNode answer, Script script, ProductionSpec spec) {
        JsonNode scenes = answer.path("scenes");
        if (!scenes.isArray() || scenes.isEmpty()) throw VendorException.of(vendor, VendorException.Kind.BAD_OUTPUT, "the planner returned no scenes");
        List<Scene> result = new ArrayList<>();
        try {
            for (int i = 0; i < scenes.size(); i++) {
                JsonNode s = scenes.get(i);
                double seconds = Math.clamp(s.path("seconds").asDouble(spec.minSceneSeconds()), spec.minSceneSeconds(), spec.maxSceneSeconds());
                result.add(new Scene("scene-%02d".formatted(i + 1), blankToNull(s.path("heading").asText("")), s.path("narration").asText(""),
                        s.path("visual").asText(""), CameraMove.parse(s.path("camera").asText("static")), Mood.parse(s.path("mood").asText("calm")),
                        seconds, spec.seed()));
            }
        } catch (IllegalArgumentException e) {
            throw VendorException.of(vendor, VendorException.Kind.BAD_OUTPUT, "the planner's storyboard is invalid: " + e.getMessage());
        }
        String title = spec.title() != null ? spec.title() : script.title() != null ? script.title() : answer.path("title").asText("");
        String card = spec.brand().titleCard() != null ? spec.brand().titleCard() : title;
        return new Storyboard(title, new TitleCard(card, card.isBlank() ? 0 : spec.brand().titleSeconds()), result);
    }

    /** True when every script word appears in the planned narration in order; planners that rewrite text are caught. */
    public static boolean keepsNarration(Script script, Storyboard storyboard) {
        String written = words(script.scenes().stream().map(Script.ScriptScene::narration).collect(Collectors.joining(" ")));
        String planned = words(storyboard.scenes().stream().map(Scene::narration).collect(Collectors.joining(" ")));
        return written.equals(planned);
    }

    private static String words(String text) {
        return text.toLowerCase().replaceAll("[^\\p{L}\\p{N}\\s]", "").replaceAll("\\s+", " ").strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
