package dev.reelwright.providers.fal;

import dev.reelwright.core.catalog.ModelEntry;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which input fields a fal video endpoint takes, read from the path of the catalog's endpoint id (never from a
 * hard-coded id). The rules restate PROVIDERS.md §1 "Kling video" / "Wan image-to-video" and the endpoint schemas in
 * vendor-specs/fal.json (where the two differ the published schema wins):
 * <ul>
 *   <li>Kling ({@code …/kling-video/v…}): {@code prompt}, {@code duration} "5"/"10" (v3: "3".."15"),
 *       {@code negative_prompt}; no seed. Image-to-video takes the keyframe as {@code start_image_url} on v2.6 and
 *       v3 (fal.json: v2.6/pro/image-to-video; PROVIDERS.md: v3/{standard,pro,4k}) and as {@code image_url}
 *       everywhere else, including {@code v3/turbo}. {@code aspect_ratio}: every text-to-video endpoint, and of the
 *       image-to-video ones only v1.6/pro. No v1.6+ endpoint takes camera parameters (only v1/standard/text-to-video
 *       has {@code camera_control}), so the camera move is written into the prompt.</li>
 *   <li>Wan 2.1 ({@code fal-ai/wan-i2v}, {@code fal-ai/wan-t2v}) and Wan 2.2 ({@code …/wan/v2.2-a14b/…}): length as
 *       {@code num_frames} at {@code frames_per_second}; {@code resolution}, {@code aspect_ratio},
 *       {@code negative_prompt}, {@code seed}.</li>
 *   <li>Wan 2.5/2.6 ({@code fal-ai/wan-25-preview/…}, {@code wan/v2.6/…}): {@code duration} string, {@code resolution},
 *       {@code negative_prompt}, {@code seed}; {@code aspect_ratio} on text-to-video only.
 *       {@code fal-ai/wan-pro/image-to-video}: prompt, image and seed only.</li>
 *   <li>Anything else: {@code prompt}, {@code image_url}, {@code duration} string (fal's common convention; an
 *       unlisted endpoint may reject it with a 422 that names the field).</li>
 * </ul>
 */
record FalEndpoint(String id, Family family, boolean imageToVideo, String imageField, boolean aspectRatio, Length length,
                   boolean negativePrompt, boolean seed, boolean resolution) {

    enum Family { KLING, WAN, OTHER }

    /** How the clip's length is asked for. */
    enum Length { DURATION_STRING, NUM_FRAMES, NONE }

    /** Wan 2.1's frame rate (fal default 16 fps; 81 frames ≈ 5 s). */
    static final int WAN_FPS = 16;

    private static final Set<String> NAMESPACES = Set.of("workflows", "comfy");
    private static final Pattern KLING_VERSION = Pattern.compile("/kling-video/v(\\d+(?:\\.\\d+)?)");

    /** The endpoint conventions for a catalog video model; the model's modes decide image- or text-to-video. */
    static FalEndpoint video(ModelEntry model) {
        String id = model.model();
        boolean i2v = model.supports("image-to-video") || (!model.supports("text-to-video") && id.contains("image-to-video"));
        if (id.contains("/kling-video/")) {
            Matcher m = KLING_VERSION.matcher(id);
            double version = m.find() ? Double.parseDouble(m.group(1)) : 0;
            boolean start = i2v && version >= 2.6 && !id.contains("/turbo/");
            String field = i2v ? (start ? "start_image_url" : "image_url") : null;
            boolean aspect = !i2v || id.contains("/v1.6/pro/");
            return new FalEndpoint(id, Family.KLING, i2v, field, aspect, Length.DURATION_STRING, true, false, false);
        }
        if (id.startsWith("wan/") || id.contains("/wan/") || id.contains("/wan-")) {
            String field = i2v ? "image_url" : null;
            if (id.endsWith("/wan-i2v") || id.endsWith("/wan-t2v") || id.contains("/v2.2-a14b/")) {
                return new FalEndpoint(id, Family.WAN, i2v, field, true, Length.NUM_FRAMES, true, true, true);
            }
            if (id.contains("/wan-pro/")) {
                return new FalEndpoint(id, Family.WAN, i2v, field, false, Length.NONE, false, true, false);
            }
            return new FalEndpoint(id, Family.WAN, i2v, field, !i2v, Length.DURATION_STRING, true, true, true);
        }
        return new FalEndpoint(id, Family.OTHER, i2v, i2v ? "image_url" : null, !i2v, Length.DURATION_STRING, false, false, false);
    }

    /**
     * The part of an endpoint id that names the app, which status, result and cancel URLs use:
     * {@code owner/alias}, or {@code namespace/owner/alias} for ids under {@code workflows/} or {@code comfy/}.
     */
    static String appPath(String endpointId) {
        String[] parts = endpointId.split("/");
        int keep = NAMESPACES.contains(parts[0]) ? 3 : 2;
        return String.join("/", Arrays.copyOf(parts, Math.min(keep, parts.length)));
    }

    /** Wan 2.1 takes 81..100 frames, Wan 2.2 17..161: the frames covering {@code seconds} at 16 fps, kept in range. */
    int numFrames(int seconds) {
        int frames = seconds * WAN_FPS + 1;
        boolean wan22 = id.contains("/v2.2-a14b/");
        return Math.clamp(frames, wan22 ? 17 : 81, wan22 ? 161 : 100);
    }
}
