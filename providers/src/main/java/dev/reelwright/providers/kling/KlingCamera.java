package dev.reelwright.providers.kling;

import dev.reelwright.core.model.CameraMove;
import dev.reelwright.providers.kling.api.CameraControl;
import dev.reelwright.providers.kling.api.CameraControl.Config;
import dev.reelwright.providers.kling.api.VideoRequest;
import dev.reelwright.providers.remote.CameraWords;
import java.util.Optional;

/**
 * Reelwright's camera moves as Kling's {@code camera_control} (PROVIDERS.md §8; Kling's English "Text to Video" page,
 * 3P copy). Strength {@value #STRENGTH} of Kling's [-10, 10]: a clear but unhurried move.
 *
 * <table>
 * <caption>Camera move mapping</caption>
 * <tr><th>CameraMove</th><th>camera_control</th><th>Why</th></tr>
 * <tr><td>STATIC</td><td>(none; "static camera" in the prompt)</td><td>{@code simple} needs exactly one non-zero value, so
 *     Kling cannot be told "no motion"; without camera_control the model picks a move, so the prompt asks for a locked-off shot</td></tr>
 * <tr><td>DOLLY_IN</td><td>simple, zoom −5</td><td>negative zoom = longer focal length, narrower view: the frame closes in.
 *     Kling's simple moves have no forward translation ({@code forward_up} also tilts up)</td></tr>
 * <tr><td>DOLLY_OUT</td><td>simple, zoom +5</td><td>positive zoom = wider view</td></tr>
 * <tr><td>PAN_LEFT</td><td>simple, horizontal −5</td><td>translation along x, negative = left. Kling's own {@code pan} and
 *     {@code tilt} are not used: its English page names rotation about x "pan" and about y "tilt" (the reverse of film usage)
 *     and a Chinese copy says the opposite, so a rotation could go the wrong way; the translation is unambiguous and is
 *     what the local camera-move renderer does for a pan</td></tr>
 * <tr><td>PAN_RIGHT</td><td>simple, horizontal +5</td><td>as above, positive = right</td></tr>
 * <tr><td>CRANE_UP</td><td>simple, vertical +5</td><td>translation along y, positive = up</td></tr>
 * <tr><td>CRANE_DOWN</td><td>simple, vertical −5</td><td>negative = down</td></tr>
 * <tr><td>ORBIT</td><td>right_turn_forward</td><td>Kling has no orbit; "rotate right and advance" is the closest arc around a
 *     subject that one request can ask for (a {@code simple} move has a single axis)</td></tr>
 * </table>
 *
 * Which models honour camera_control is unconfirmed: Kling's capability map (3P) lists kling-v1 standard 5 s (and
 * kling-v1-5 pro 5 s, simple only); v3 reportedly ignores or refuses it. So camera_control is sent only for catalog
 * entries marked {@code camera_control: true}; for the others the move goes into the prompt in words. camera_control
 * excludes {@code image_tail} and the motion-brush masks, which Reelwright never sends.
 */
final class KlingCamera {
    static final double STRENGTH = 5;

    private KlingCamera() {}

    static Optional<CameraControl> control(CameraMove move) {
        return Optional.ofNullable(switch (move) {
            case STATIC -> null;
            case DOLLY_IN -> CameraControl.simple(new Config(0, 0, 0, 0, 0, -STRENGTH));
            case DOLLY_OUT -> CameraControl.simple(new Config(0, 0, 0, 0, 0, STRENGTH));
            case PAN_LEFT -> CameraControl.simple(new Config(-STRENGTH, 0, 0, 0, 0, 0));
            case PAN_RIGHT -> CameraControl.simple(new Config(STRENGTH, 0, 0, 0, 0, 0));
            case CRANE_UP -> CameraControl.simple(new Config(0, STRENGTH, 0, 0, 0, 0));
            case CRANE_DOWN -> CameraControl.simple(new Config(0, -STRENGTH, 0, 0, 0, 0));
            case ORBIT -> CameraControl.named("right_turn_forward");
        });
    }

    /** The prompt, with the move in words appended when camera_control will not carry it, within Kling's 2500 characters. */
    static String prompt(String description, CameraMove move, boolean controlled) {
        return CameraWords.appendWithin(description, controlled ? "" : CameraWords.sentence(move), VideoRequest.MAX_PROMPT);
    }
}
