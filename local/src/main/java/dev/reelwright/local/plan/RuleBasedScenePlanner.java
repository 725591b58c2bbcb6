package dev.reelwright.local.plan;

import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.Mood;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Scene;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.model.TitleCard;
import dev.reelwright.core.script.Script;
import dev.reelwright.core.script.Script.ScriptScene;
import dev.reelwright.core.spi.ScenePlanner;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The offline planner: one scene per script scene, with the camera move read from cue words, a mood from the
 * vocabulary, and a planned length from the narration at the speaking rate. {@code make} later fits each
 * scene's length to its actual speech.
 */
public final class RuleBasedScenePlanner implements ScenePlanner {
    /** Breath before the first word of a scene and after its last, in seconds. */
    public static final double LEAD_IN_SECONDS = 0.4;
    public static final double TAIL_SECONDS = 0.6;
    private static final double SILENT_SCENE_SECONDS = 4.0;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

    /** Camera cues in priority order: the first rule whose phrase appears wins. */
    private static final List<Map.Entry<CameraMove, List<String>>> CAMERA_CUES = List.of(
            Map.entry(CameraMove.STATIC, List.of("static shot", "locked off", "hold on", "still frame", "static")),
            Map.entry(CameraMove.ORBIT, List.of("orbit", "around", "circling", "circles", "360", "revolv")),
            Map.entry(CameraMove.DOLLY_IN, List.of("close-up", "close up", "closeup", "push in", "pushes in", "zoom in", "closer", "move in")),
            Map.entry(CameraMove.DOLLY_OUT, List.of("pull back", "pulls back", "pull out", "zoom out", "wide shot", "wide", "widen")),
            Map.entry(CameraMove.CRANE_UP, List.of("reveal", "rises", "rising", "crane up", "tilt up", "ascend", "soar")),
            Map.entry(CameraMove.CRANE_DOWN, List.of("aerial", "overhead", "bird's-eye", "birds-eye", "from above", "crane down", "descend")),
            Map.entry(CameraMove.PAN_LEFT, List.of("pan left", "pans left", "to the left", "leftward")),
            Map.entry(CameraMove.PAN_RIGHT, List.of("pan right", "pans right", "to the right", "pan", "sweep", "across", "panorama", "along")));

    /** When nothing in the text asks for a move, vary them so consecutive scenes do not feel the same. */
    private static final List<CameraMove> ROTATION = List.of(
            CameraMove.DOLLY_IN, CameraMove.PAN_RIGHT, CameraMove.DOLLY_OUT, CameraMove.PAN_LEFT, CameraMove.CRANE_UP, CameraMove.ORBIT);

    private static final Map<Mood, List<String>> MOOD_WORDS = new EnumMap<>(Map.of(
            Mood.JOYFUL, List.of("joy", "happy", "laugh", "celebrat", "cheer", "delight", "fun", "smile", "festiv", "play"),
            Mood.HOPEFUL, List.of("hope", "dawn", "sunrise", "begin", "future", "promise", "tomorrow", "morning", "grow", "home"),
            Mood.DRAMATIC, List.of("storm", "thunder", "crash", "epic", "power", "fierce", "battle", "roar", "giant", "lightning"),
            Mood.TENSE, List.of("danger", "fear", "urgent", "chase", "alarm", "deadline", "tense", "threat", "warning", "race"),
            Mood.MYSTERIOUS, List.of("mist", "fog", "night", "secret", "unknown", "shadow", "myster", "whisper", "dark", "strange"),
            Mood.SOMBER, List.of("loss", "grief", "alone", "rain", "cold", "gone", "farewell", "sad", "empty", "last"),
            Mood.CALM, List.of("calm", "quiet", "gentle", "still", "peace", "soft", "rest", "slow", "breath", "silence")));

    @Override
    public String id() {
        return "rule-based-planner-v1";
    }

    @Override
    public Storyboard plan(Script script, ProductionSpec spec) {
        String title = firstNonBlank(spec.title(), script.title(), humanize(script.source() == null ? "" : script.source().getFileName().toString()));
        String cardText = firstNonBlank(spec.brand().titleCard(), title);
        List<Scene> scenes = new ArrayList<>();
        List<ScriptScene> written = script.scenes();
        for (int i = 0; i < written.size(); i++) {
            ScriptScene source = written.get(i);
            String cueText = String.join(" ", nullToEmpty(source.visual()), nullToEmpty(source.heading()));
            String allText = String.join(" ", cueText, nullToEmpty(source.narration()));
            String visual = source.visual() == null || source.visual().isBlank() ? describe(source) : source.visual();
            scenes.add(new Scene(
                    "scene-%02d".formatted(i + 1),
                    source.heading(),
                    source.narration(),
                    visual,
                    camera(cueText, source.narration(), i),
                    mood(allText),
                    plannedSeconds(source.narration(), spec),
                    spec.seed()));
        }
        return new Storyboard(title, new TitleCard(cardText, cardText.isBlank() ? 0 : spec.brand().titleSeconds()), scenes);
    }

    /** Length from the word count at the speaking rate, with breathing room, clamped to the spec's bounds. */
    public static double plannedSeconds(String narration, ProductionSpec spec) {
        int words = countWords(narration);
        if (words == 0) return Math.max(spec.minSceneSeconds(), Math.min(SILENT_SCENE_SECONDS, spec.maxSceneSeconds()));
        double speaking = words * 60.0 / spec.wordsPerMinute();
        double seconds = LEAD_IN_SECONDS + speaking + TAIL_SECONDS;
        return Math.round(Math.clamp(seconds, spec.minSceneSeconds(), spec.maxSceneSeconds()) * 10) / 10.0;
    }

    static int countWords(String text) {
        if (text == null) return 0;
        return (int) WORD.matcher(text).results().count();
    }

    static CameraMove camera(String cueText, String narration, int index) {
        CameraMove fromCues = cameraFrom(cueText);
        if (fromCues != null) return fromCues;
        CameraMove fromNarration = cameraFrom(narration);
        return fromNarration != null ? fromNarration : ROTATION.get(index % ROTATION.size());
    }

    private static CameraMove cameraFrom(String text) {
        if (text == null || text.isBlank()) return null;
        String lower = " " + text.toLowerCase(Locale.ROOT) + " ";
        for (var rule : CAMERA_CUES) {
            for (String phrase : rule.getValue()) {
                if (Pattern.compile("\\b" + Pattern.quote(phrase)).matcher(lower).find()) return rule.getKey();
            }
        }
        return null;
    }

    static Mood mood(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Mood best = Mood.CALM;
        int bestScore = 0;
        for (Mood mood : Mood.values()) {
            int score = 0;
            for (String stem : MOOD_WORDS.get(mood)) {
                score += (int) Pattern.compile("\\b" + Pattern.quote(stem)).matcher(lower).results().count();
            }
            if (score > bestScore) {
                best = mood;
                bestScore = score;
            }
        }
        return best;
    }

    /** With no visual line, the scene shows what its first sentence says. */
    private static String describe(ScriptScene scene) {
        String narration = nullToEmpty(scene.narration());
        int end = narration.indexOf('.') > 0 ? narration.indexOf('.') : narration.length();
        String sentence = narration.substring(0, end).strip();
        if (scene.heading() != null && !scene.heading().isBlank()) {
            return sentence.isEmpty() ? scene.heading() : scene.heading() + ": " + sentence;
        }
        return sentence.isEmpty() ? "an establishing shot" : sentence;
    }

    private static String humanize(String fileName) {
        String base = fileName.replaceFirst("\\.[^.]*$", "").replaceAll("[-_]+", " ").strip();
        if (base.isEmpty()) return "";
        return Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) return value.strip();
        }
        return "";
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
