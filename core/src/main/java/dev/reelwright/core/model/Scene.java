package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One scene of the storyboard: what is said, what is seen, how the camera moves.
 * {@code seconds} is the scene's length on the timeline; {@code make} sets it from the speech.
 */
@JsonPropertyOrder({"id", "heading", "narration", "visual", "camera", "mood", "seconds", "seed"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scene(
        String id, String heading, String narration, String visual, CameraMove camera, Mood mood, double seconds, long seed) {
    public Scene {
        Objects.requireNonNull(id, "scene id");
        if (id.isBlank()) throw new IllegalArgumentException("scene id is blank");
        narration = narration == null ? "" : narration.strip();
        visual = visual == null ? "" : visual.strip();
        heading = heading == null || heading.isBlank() ? null : heading.strip();
        camera = camera == null ? CameraMove.STATIC : camera;
        mood = mood == null ? Mood.CALM : mood;
        if (!(seconds > 0) || seconds > 600) {
            throw new IllegalArgumentException("scene " + id + ": seconds must be in (0, 600], got " + seconds);
        }
    }

    public Scene withSeconds(double newSeconds) {
        return new Scene(id, heading, narration, visual, camera, mood, newSeconds, seed);
    }

    /** The prompt a generator sees: the visual description, else the heading, else the narration. */
    public String prompt() {
        if (!visual.isEmpty()) return visual;
        if (heading != null) return heading + ". " + narration;
        return narration;
    }
}
