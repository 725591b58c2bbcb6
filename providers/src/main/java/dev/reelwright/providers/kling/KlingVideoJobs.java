package dev.reelwright.providers.kling;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.providers.kling.api.CameraControl;
import dev.reelwright.providers.kling.api.VideoRequest;
import dev.reelwright.providers.remote.RemoteClipGenerator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Kling jobs for {@link RemoteClipGenerator}: {@code POST /v1/videos/image2video} with the keyframe as bare base64,
 * the catalog's model id and clip length, and the camera move as {@code camera_control} where the catalog says the
 * model honours it ({@link KlingCamera}). Image-to-video sends no {@code aspect_ratio}: the keyframe sets the shape
 * (Kling's image2video page lists no such field). No seed: Kling takes none. The charge is the catalog's estimate.
 */
final class KlingVideoJobs implements RemoteClipGenerator.ClipJobs {
    private final ModelEntry model;
    private final KlingClient client;

    KlingVideoJobs(ModelEntry model, KlingClient client) {
        this.model = model;
        this.client = client;
    }

    @Override
    public RemoteJob job(ClipRequest request, int seconds) {
        return imageJob(request.keyframe(), request.prompt(), request.camera(), seconds);
    }

    KlingTaskJob imageJob(Path image, String prompt, CameraMove camera, int seconds) {
        Optional<CameraControl> control = control(camera);
        VideoRequest body = new VideoRequest(model.model(), KlingImages.base64(image), KlingCamera.prompt(prompt, camera, control.isPresent()),
                null, null, String.valueOf(seconds), control.orElse(null), null);
        return new KlingTaskJob(client, KlingClient.IMAGE_TO_VIDEO, body::withExternalTaskId, body);
    }

    /** {@code POST /v1/videos/text2video}, for a clip without a keyframe: aspect from the frame, closest of the catalog's. */
    KlingTaskJob textJob(String prompt, CameraMove camera, int width, int height, int seconds) {
        Optional<CameraControl> control = control(camera);
        VideoRequest body = new VideoRequest(model.model(), null, KlingCamera.prompt(prompt, camera, control.isPresent()), null,
                aspect(width, height), String.valueOf(seconds), control.orElse(null), null);
        return new KlingTaskJob(client, KlingClient.TEXT_TO_VIDEO, body::withExternalTaskId, body);
    }

    private Optional<CameraControl> control(CameraMove camera) {
        return Boolean.TRUE.equals(model.cameraControl()) ? KlingCamera.control(camera) : Optional.empty();
    }

    private String aspect(int width, int height) {
        List<String> allowed = model.aspectRatios().isEmpty() ? List.of("16:9", "9:16", "1:1") : model.aspectRatios();
        double wanted = Math.log(width / (double) height);
        String best = allowed.getFirst();
        double bestDistance = Double.MAX_VALUE;
        for (String ratio : allowed) {
            String[] parts = ratio.split(":");
            double distance = Math.abs(Math.log(Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])) - wanted);
            if (distance < bestDistance - 1e-9) {
                best = ratio;
                bestDistance = distance;
            }
        }
        return best;
    }
}
