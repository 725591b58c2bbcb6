package dev.reelwright.providers.fal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.core.spi.KeyframeRequest;
import dev.reelwright.providers.fal.api.ImageInput;
import dev.reelwright.providers.fal.api.ImageSize;
import dev.reelwright.providers.remote.RemoteImageGenerator;
import java.util.List;

/**
 * Flux keyframes on fal (catalog kind {@code image}): {@code prompt}, {@code image_size} as the request's
 * {@code {"width","height"}} (v1.1-ultra and the Kontext text-to-image endpoints take no size, only the nearest
 * {@code aspect_ratio}), {@code seed}, {@code num_images} 1, {@code output_format} png; the image is
 * {@code images[0].url}. When fal's safety checker flags the image ({@code has_nsfw_concepts[0]} true, and the image
 * comes back blacked out) that is a content-policy refusal, not a keyframe.
 */
final class FalImageJobs implements RemoteImageGenerator.ImageJobs {
    /** Flux's aspect_ratio choices where the endpoint takes no size (PROVIDERS.md §1, v1.1-ultra). */
    static final List<String> ASPECT_RATIOS = List.of("21:9", "16:9", "4:3", "3:2", "1:1", "2:3", "3:4", "9:16", "9:21");
    static final int MAX_SIDE = 14142;

    private final ModelEntry model;
    private final FalClient client;

    FalImageJobs(ModelEntry model, FalClient client) {
        this.model = model;
        this.client = client;
    }

    @Override
    public RemoteJob job(KeyframeRequest request) {
        return new FalJob(client, model.model(), () -> input(request), FalImageJobs::outcome);
    }

    ImageInput input(KeyframeRequest request) {
        String id = model.model();
        boolean sizedByRatio = id.contains("ultra") || id.contains("kontext");
        ImageSize size = sizedByRatio ? null : new ImageSize(Math.min(request.width(), MAX_SIDE), Math.min(request.height(), MAX_SIDE));
        String ratio = sizedByRatio ? FalVideoJobs.nearestRatio(request.width(), request.height(), ASPECT_RATIOS) : null;
        return new ImageInput(request.prompt(), size, ratio, FalVideoJobs.seed(request.seed()), 1, "png");
    }

    static JobStatus outcome(JsonNode body) {
        JsonNode nsfw = body.path("has_nsfw_concepts");
        if (nsfw.isArray() && !nsfw.isEmpty() && nsfw.get(0).asBoolean(false)) {
            return new JobStatus.Failed(FalErrors.flaggedImage());
        }
        return FalJob.urlAt(body.path("images").path(0).path("url"), "images[0].url");
    }
}
