package dev.reelwright.providers.runway;

import dev.reelwright.core.model.CameraMove;
import dev.reelwright.providers.remote.CameraWords;
import dev.reelwright.providers.runway.api.TextToVideoRequest;

/**
 * Runway's request schemas have no camera controls (PROVIDERS.md §4: "Camera controls: none in any current request
 * schema; direct the camera in promptText"), so the scene's camera move is written into the prompt in words, and the
 * whole text is kept within Runway's 1000 UTF-16 code units (the camera sentence is kept; the description is cut).
 */
final class RunwayPrompts {
    private RunwayPrompts() {}

    static String promptText(String prompt, CameraMove move) {
        return CameraWords.appendWithin(prompt, CameraWords.sentence(move), TextToVideoRequest.MAX_PROMPT);
    }
}
