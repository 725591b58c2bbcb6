package dev.reelwright.providers.testing;

import dev.reelwright.core.script.Script;
import java.util.List;

/**
 * The two-scene script the LLM planners' contract tests send, and a planner answer for it that keeps its narration
 * verbatim: the two must change together, so they live in one place.
 */
public final class HarbourScript {
    public static final Script SCRIPT = new Script(null, "The Harbour", List.of(
            new Script.ScriptScene("Dawn", "Every morning, the harbour wakes before the town. Fishing boats slip out past the lighthouse.",
                    "boats leaving at first light", 3),
            new Script.ScriptScene("The market", "By eight, the catch is on ice at the market. Gulls argue over what falls.", "", 7)));

    private HarbourScript() {}

    /** The storyboard JSON a planner answers for {@link #SCRIPT}, with each scene's camera move and mood as given (labels). */
    public static String storyboard(String dawnCamera, String dawnMood, String marketCamera, String marketMood) {
        return """
                {"title":"The Harbour","scenes":[
                  {"heading":"Dawn","narration":"Every morning, the harbour wakes before the town. Fishing boats slip out past the lighthouse.",
                   "visual":"Small wooden fishing boats leave a stone harbour at first light, a white lighthouse on the breakwater, mist on calm water",
                   "camera":"%s","mood":"%s","seconds":7.5},
                  {"heading":"The market","narration":"By eight, the catch is on ice at the market. Gulls argue over what falls.",
                   "visual":"A covered fish market in the morning, silver fish on crushed ice, gulls circling the open doors",
                   "camera":"%s","mood":"%s","seconds":6}]}""".formatted(dawnCamera, dawnMood, marketCamera, marketMood);
    }
}
