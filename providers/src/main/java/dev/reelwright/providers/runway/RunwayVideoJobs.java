package dev.reelwright.providers.runway;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.providers.remote.RemoteClipGenerator;
import dev.reelwright.providers.runway.api.ImageToVideoRequest;
import dev.reelwright.providers.runway.api.TextToVideoRequest;

/**
 * Runway jobs for {@link RemoteClipGenerator}: {@code POST /v1/image_to_video} with the keyframe as a data URI, the
 * camera move in words, the closest allowed ratio, the catalog's clip length, the seed and the catalog's model id.
 * The charge is the catalog's estimate (Runway bills credits and reports none per task).
 */
final class RunwayVideoJobs implements RemoteClipGenerator.ClipJobs {
    private final ModelEntry model;
    private final RunwayClient client;

    RunwayVideoJobs(ModelEntry model, RunwayClient client) {
        this.model = model;
        this.client = client;
    }

    @Override
    public RemoteJob job(ClipRequest request, int seconds) {
        // Built now, not at submit: a keyframe that cannot be sent fails before anything is paid for.
        ImageToVideoRequest body = new ImageToVideoRequest(model.model(), RunwayImages.dataUri(request.keyframe()),
                RunwayPrompts.promptText(request.prompt(), request.camera()),
                RunwayRatios.pick(model, true, request.format().width(), request.format().height()), seconds, seed(request.seed()));
        return new RunwayTaskJob(client, () -> client.imageToVideo(body));
    }

    /** {@code POST /v1/text_to_video}, for a clip without a keyframe (the pipeline always has one today). */
    RemoteJob textJob(String prompt, CameraMove camera, int width, int height, int seconds, long seed) {
        TextToVideoRequest body = new TextToVideoRequest(model.model(), RunwayPrompts.promptText(prompt, camera),
                RunwayRatios.pick(model, false, width, height), seconds, seed(seed));
        return new RunwayTaskJob(client, () -> client.textToVideo(body));
    }

    /** Runway seeds are 0..2^32-1; Reelwright's are any long, folded into that range. */
    static long seed(long seed) {
        return Math.floorMod(seed, TextToVideoRequest.MAX_SEED + 1);
    }
}
