package dev.reelwright.providers.kling.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Set;

/**
 * {@code POST /v1/videos/image2video} and {@code /v1/videos/text2video} bodies (PROVIDERS.md §8). Core's mapper writes
 * snake_case, which is Kling's naming: {@code model_name}, {@code camera_control}, {@code external_task_id}.
 * {@code image} is bare base64 (no {@code data:} prefix). {@code image_tail}, masks and {@code camera_control} are
 * mutually exclusive; Reelwright sends none of the first two. No seed: Kling's API has none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoRequest(
        String modelName,
        String image,
        String prompt,
        String negativePrompt,
        String aspectRatio,
        String duration,
        CameraControl cameraControl,
        String externalTaskId) {

    public static final int MAX_PROMPT = 2500;
    private static final Set<String> DURATIONS = Set.of("5", "10");

    public VideoRequest {
        Objects.requireNonNull(modelName, "model_name");
        if (prompt != null && prompt.length() > MAX_PROMPT) throw new IllegalArgumentException("prompt is over " + MAX_PROMPT + " characters");
        if (image == null && (prompt == null || prompt.isBlank())) throw new IllegalArgumentException("text-to-video needs a prompt");
        if (image != null && image.startsWith("data:")) throw new IllegalArgumentException("Kling takes bare base64, without a data: prefix");
        if (duration != null && !DURATIONS.contains(duration)) throw new IllegalArgumentException("duration must be \"5\" or \"10\", got " + duration);
    }

    public VideoRequest withExternalTaskId(String id) {
        return new VideoRequest(modelName, image, prompt, negativePrompt, aspectRatio, duration, cameraControl, id);
    }
}
