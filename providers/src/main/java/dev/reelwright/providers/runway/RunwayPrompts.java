package dev.reelwright.providers.runway;

import dev.reelwright.core.model.CameraMove;
import dev.reelwright.providers.runway.api.TextToVideoRequest;

/**
 * Runway's request schemas have no camera controls (PROVIDERS.md §4: "Camera controls: none in any current request
 * schema; direct the camera in promptText"), so the scene's camera move is written into the prompt in words, and the
 * whole text is kept within Runway's 1000 UTF-16 code units (the camera sentence is kept; the description is cut).
 */
final class RunwayPrompts {
    private RunwayPrompts() {}

    static String words(CameraMove move) {
        return switch (move) {
            case STATIC -> "Static camera, locked-off shot, no camera movement.";
            case DOLLY_IN -> "The camera slowly dollies in toward the subject.";
            case DOLLY_OUT -> "The camera slowly dollies out, revealing more of the scene.";
            case PAN_LEFT -> "The camera pans slowly to the left.";
            case PAN_RIGHT -> "The camera pans slowly to the right.";
            case CRANE_UP -> "The camera cranes up smoothly.";
            case CRANE_DOWN -> "The camera cranes down smoothly.";
            case ORBIT -> "The camera orbits slowly around the subject.";
        };
    }

    static String promptText(String prompt, CameraMove move) {
        String camera = words(move);
        String description = prompt == null ? "" : prompt.strip().replaceAll("\\s+", " ");
        int room = TextToVideoRequest.MAX_PROMPT - camera.length() - 2; // ". " between the two
        if (description.length() > room) {
            int cut = room;
            if (cut > 0 && Character.isHighSurrogate(description.charAt(cut - 1))) cut--;
            description = description.substring(0, Math.max(0, cut)).strip();
        }
        if (description.isEmpty()) return camera;
        boolean closed = description.matches(".*[.!?…]$");
        return description + (closed ? " " : ". ") + camera;
    }
}
