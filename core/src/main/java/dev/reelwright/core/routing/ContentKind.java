package dev.reelwright.core.routing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a shot mostly shows, read from cue words in its prompt the way the local planner reads camera cues. The
 * router matches it against the catalog's {@code strengths}: people in motion suits Kling, landscapes Veo, stylized
 * looks Runway. Kinds are tried in this order and the first with a cue word wins; no cue is {@link #GENERAL}.
 * A cue matches a whole word or its plural ("mountain", "mountains"); a cue ending in {@code *} matches any word it
 * starts ("illustrat*": illustrated, illustration).
 */
public enum ContentKind {
    TALKING_HEAD("talking head", List.of("talking_head", "people"),
            List.of("talking head", "to camera", "to the camera", "presenter", "host", "spokesperson", "newsreader", "interview",
                    "speaks", "speaking", "talks", "talking", "addresses", "explains", "avatar", "vlog")),
    PRODUCT("product", List.of("product", "photoreal"),
            List.of("product", "packshot", "bottle", "packaging", "logo", "gadget", "device", "phone", "watch", "sneaker",
                    "showcase", "on a table", "turntable", "label", "jar", "perfume")),
    PEOPLE_MOTION("people in motion", List.of("motion", "people"),
            List.of("running", "runs", "runner", "dancing", "dances", "dancer", "jumps", "jumping", "walks", "walking",
                    "athlete", "crowd", "players", "fighting", "skater", "climbs", "rides", "cyclist", "sprint")),
    LANDSCAPE("landscape", List.of("landscape", "cinematic"),
            List.of("landscape", "mountain", "ocean", "sea", "coast", "forest", "valley", "desert", "skyline", "horizon",
                    "lighthouse", "river", "lake", "sunset", "sunrise", "dawn", "glacier", "waterfall", "field")),
    STYLIZED("stylized", List.of("stylized"),
            List.of("animated", "animation", "cartoon", "anime", "illustrat*", "watercolor", "painterly", "claymation",
                    "pixel art", "comic", "stylized", "stylised")),
    GENERAL("general", List.of(), List.of());

    private final String label;
    private final List<String> strengths;
    private final List<Pattern> cues;

    ContentKind(String label, List<String> strengths, List<String> cues) {
        this.label = label;
        this.strengths = strengths;
        this.cues = cues.stream().map(cue -> cue.endsWith("*")
                ? Pattern.compile("\\b" + Pattern.quote(cue.substring(0, cue.length() - 1)))
                : Pattern.compile("\\b" + Pattern.quote(cue) + "(s|es)?\\b")).toList();
    }

    /** How a reason names it: "people in motion". */
    public String label() {
        return label;
    }

    /** The catalog strengths that suit it. */
    public List<String> strengths() {
        return strengths;
    }

    /** The first kind with a cue word in {@code text}; {@link #GENERAL} without one. */
    public static ContentKind of(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (ContentKind kind : values()) {
            if (kind.cues.stream().anyMatch(cue -> cue.matcher(lower).find())) return kind;
        }
        return GENERAL;
    }
}
