package dev.reelwright.core.quality;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The ways a generated clip is known to fail, each scored by the quality inspector (1 = clean, 0 = worst). */
public enum Artifact {
    /** Rapid brightness changes: the picture pumps or flashes from one frame to the next. */
    FLICKER("rapid brightness changes"),
    /** An object jumps position between frames. */
    TELEPORTATION("an object jumps position between frames"),
    /** An object's shape changes mid-clip. */
    MORPHING("an object's shape changes mid-clip"),
    /** Extra body parts (or any structure) appear for a handful of frames and vanish again. */
    GHOST_LIMBS("extra parts appear for a few frames and vanish"),
    /** Text in the scene becomes garbled, scrambled or smeared. */
    TEXT_CORRUPTION("text in the scene becomes garbled"),
    /**
     * The subject stops looking like the reference: the keyframe the clip was made from or the character's reference
     * photo, or, without one, the clip's own opening (clothing, skin or props change colour, the figure is replaced).
     */
    SUBJECT_DRIFT("the subject stops looking like the reference"),
    /** The picture stops moving for most of the clip. */
    FROZEN("the picture stops moving"),
    /** The clip is (mostly) black. */
    BLACK("the clip is black"),
    /** Size or length differ from what was asked for. */
    FORMAT("size or length not as requested");

    private final String description;

    Artifact(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Artifact parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Artifact artifact : values()) {
            if (artifact.name().equals(wanted)) return artifact;
        }
        throw new IllegalArgumentException("artifact '" + text + "' is not one of " + choices());
    }

    public static String choices() {
        return Arrays.stream(values()).map(Artifact::label).collect(Collectors.joining(", "));
    }
}
