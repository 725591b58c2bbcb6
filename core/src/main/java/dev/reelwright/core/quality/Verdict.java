package dev.reelwright.core.quality;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a clip is good enough to use. */
public enum Verdict {
    ACCEPT,
    REJECT;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
