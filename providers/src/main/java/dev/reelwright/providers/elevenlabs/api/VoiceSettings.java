package dev.reelwright.providers.elevenlabs.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code voice_settings} overriding the voice's stored settings for one request; only {@code speed} is set here. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoiceSettings(@JsonProperty("speed") Double speed) {
    /** ElevenLabs accepts speeds from 0.7 to 1.2 (its speed-control documentation); 1.0 is the voice's own pace. */
    public static final double MIN_SPEED = 0.7;
    public static final double MAX_SPEED = 1.2;

    public VoiceSettings {
        if (speed != null && (speed < MIN_SPEED || speed > MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be " + MIN_SPEED + ".." + MAX_SPEED + ", got " + speed);
        }
    }
}
