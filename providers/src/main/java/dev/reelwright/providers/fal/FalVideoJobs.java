package dev.reelwright.providers.fal;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.providers.fal.api.VideoInput;
import dev.reelwright.providers.remote.RemoteClipGenerator;
import java.util.Comparator;
import java.util.List;

/**
 * Kling (image- and text-to-video) and Wan image-to-video on fal (catalog kind {@code video}; the entry's modes
 * decide which). The keyframe goes to fal's CDN and its URL into {@code image_url} or {@code start_image_url}
 * ({@link FalEndpoint} says which, from the endpoint id's path). {@code duration} is the catalog clip length covering
 * the request, as the string fal wants ("5", "10"); Wan 2.1/2.2 take {@code num_frames} at 16 fps instead.
 * {@code aspect_ratio}, {@code resolution}, {@code negative_prompt} and {@code seed} go only where the endpoint takes
 * them. The result is {@code video.url}. fal reports no price: the charge is the catalog's estimate.
 *
 * <p>Camera: fal's Kling v1.6+ and Wan endpoints take no camera parameters (camera control on fal exists only on
 * {@code kling-video/v1/standard/text-to-video}), so the requested move is written into the prompt as a sentence.
 */
final class FalVideoJobs implements RemoteClipGenerator.ClipJobs {
    /** Kling's prompt limit (fal.json: maxLength 2500); applied to every endpoint. */
    static final int MAX_PROMPT = 2500;
    static final String NEGATIVE_PROMPT = "blur, distort, low quality, warped faces, flicker, text, watermark";
    static final List<String> DEFAULT_RATIOS = List.of("16:9", "9:16", "1:1");

    private final ModelEntry model;
    private final FalClient client;
    private final FalEndpoint endpoint;

    FalVideoJobs(ModelEntry model, FalClient client) {
        this.model = model;
        this.client = client;
        this.endpoint = FalEndpoint.video(model);
    }

    @Override
    public RemoteJob job(ClipRequest request, int seconds) {
        return new FalJob(client, model.model(), () -> input(request, seconds), body -> FalJob.file(body, "video"));
    }

    /** Builds the input; for image-to-video this uploads the keyframe first. */
    VideoInput input(ClipRequest request, int seconds) {
        String image = endpoint.imageToVideo() ? client.upload(request.keyframe()).toString() : null;
        int width = request.format().width();
        int height = request.format().height();
        String ratio = endpoint.aspectRatio()
                ? nearestRatio(width, height, model.aspectRatios().isEmpty() ? DEFAULT_RATIOS : model.aspectRatios()) : null;
        String duration = endpoint.length() == FalEndpoint.Length.DURATION_STRING ? Integer.toString(seconds) : null;
        Integer frames = endpoint.length() == FalEndpoint.Length.NUM_FRAMES ? endpoint.numFrames(seconds) : null;
        Integer fps = endpoint.length() == FalEndpoint.Length.NUM_FRAMES ? FalEndpoint.WAN_FPS : null;
        String resolution = endpoint.resolution() && !model.resolutions().isEmpty() ? nearestResolution(height, width, model.resolutions()) : null;
        return new VideoInput(prompt(request.prompt(), request.camera()),
                "image_url".equals(endpoint.imageField()) ? image : null,
                "start_image_url".equals(endpoint.imageField()) ? image : null,
                duration, ratio, endpoint.negativePrompt() ? NEGATIVE_PROMPT : null, frames, fps, resolution,
                endpoint.seed() ? seed(request.seed()) : null);
    }

    /** The scene's prompt with the camera move as a closing sentence, within the endpoint's length limit. */
    static String prompt(String prompt, CameraMove camera) {
        String move = camera(camera);
        String text = prompt == null ? "" : prompt.strip();
        int room = MAX_PROMPT - move.length() - 2;
        if (text.length() > room) text = text.substring(0, Math.max(0, room)).strip();
        if (text.isEmpty()) return move;
        return text + (text.matches("(?s).*[.!?…]['\"”’)]*$") ? " " : ". ") + move;
    }

    static String camera(CameraMove camera) {
        return switch (camera) {
            case STATIC -> "Static camera: a locked-off shot, no camera movement.";
            case DOLLY_IN -> "Camera: a slow, smooth dolly in toward the subject.";
            case DOLLY_OUT -> "Camera: a slow, smooth dolly out, pulling away from the subject.";
            case PAN_LEFT -> "Camera: a slow, smooth pan to the left.";
            case PAN_RIGHT -> "Camera: a slow, smooth pan to the right.";
            case CRANE_UP -> "Camera: a slow crane up, rising over the scene.";
            case CRANE_DOWN -> "Camera: a slow crane down, descending toward the subject.";
            case ORBIT -> "Camera: a slow orbit around the subject.";
        };
    }

    /** The listed "w:h" ratio closest to width:height (compared on a log scale, so 2:1 and 1:2 are equally far from 1:1). */
    static String nearestRatio(int width, int height, List<String> ratios) {
        double wanted = Math.log(width / (double) height);
        return ratios.stream().filter(r -> r.matches("\\d+:\\d+"))
                .min(Comparator.comparingDouble(r -> Math.abs(Math.log(ratio(r)) - wanted)))
                .orElse(ratios.getFirst());
    }

    /** The listed resolution ("480p", "720p", ...) closest to the frame's short side. */
    static String nearestResolution(int height, int width, List<String> resolutions) {
        int shortSide = Math.min(width, height);
        return resolutions.stream().filter(r -> r.matches("\\d+p"))
                .min(Comparator.comparingInt(r -> Math.abs(Integer.parseInt(r.substring(0, r.length() - 1)) - shortSide)))
                .orElse(resolutions.getFirst());
    }

    /** fal's seeds are plain integers: the request's seed folded into 0..2^31-1, deterministically. */
    static Long seed(long seed) {
        return Math.floorMod(seed, 1L << 31);
    }

    private static double ratio(String text) {
        String[] parts = text.split(":");
        return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }
}
