package dev.reelwright.providers.remote;

import dev.reelwright.core.model.CameraMove;

/**
 * A camera move in words, for video models that take no camera parameter and are directed in the prompt instead:
 * one sentence per move, appended to the scene's description. Vendors whose prompts were tuned with other wording
 * (fal, Google) keep their own sentences.
 */
public final class CameraWords {
    private CameraWords() {}

    /** The move as one sentence. */
    public static String sentence(CameraMove move) {
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

    /** The description (stripped; null is empty) then {@code camera}, with ". " between unless the description already ends a sentence. */
    public static String append(String description, String camera) {
        String text = description == null ? "" : description.strip();
        if (camera.isEmpty()) return text;
        if (text.isEmpty()) return camera;
        return text + (text.matches(".*[.!?…]$") ? " " : ". ") + camera;
    }

    /**
     * As {@link #append}, with the description's whitespace collapsed and the description (never the camera
     * sentence) cut so that the whole stays within {@code maxChars} UTF-16 units, without splitting a surrogate pair.
     */
    public static String appendWithin(String description, String camera, int maxChars) {
        String text = description == null ? "" : description.strip().replaceAll("\\s+", " ");
        int room = maxChars - camera.length() - 2; // ". " between the two
        if (text.length() > room) {
            int cut = Math.max(0, room);
            if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) cut--;
            text = text.substring(0, cut).strip();
        }
        return append(text, camera);
    }
}
