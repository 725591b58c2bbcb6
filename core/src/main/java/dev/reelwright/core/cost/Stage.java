package dev.reelwright.core.cost;

import com.fasterxml.jackson.annotation.JsonValue;

/** The pipeline stage a paid call belongs to; labels match the step kinds in report.json (speech is "voice"). */
public enum Stage {
    PLAN("plan"),
    KEYFRAME("keyframe"),
    CLIP("clip"),
    VOICE("voice"),
    LIP_SYNC("lip_sync"),
    TRANSCRIPTION("transcription");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
