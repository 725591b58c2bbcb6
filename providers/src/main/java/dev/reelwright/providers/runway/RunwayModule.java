package dev.reelwright.providers.runway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.providers.remote.RemoteClipGenerator;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.spi.VendorModule;
import java.util.List;
import java.util.Optional;

/**
 * Runway's developer API (PROVIDERS.md §4): image-to-video (and text-to-video) tasks, polled until done. Key in
 * {@code RUNWAYML_API_SECRET} (the variable Runway's SDKs read; docs.dev.runwayml.com troubleshooting), base URL
 * {@code https://api.dev.runwayml.com} unless production.yaml or {@code RUNWAY_BASE_URL} says otherwise.
 */
public final class RunwayModule implements VendorModule {
    public static final String VENDOR = "runway";
    public static final String KEY_VARIABLE = "RUNWAYML_API_SECRET";
    public static final String DEFAULT_BASE_URL = "https://api.dev.runwayml.com";

    @Override
    public String vendor() {
        return VENDOR;
    }

    @Override
    public String description() {
        return "Runway API: Gen-4.5 / Gen-4 Turbo image-to-video (camera directed in the prompt; no camera controls)";
    }

    @Override
    public String keyVariable() {
        return KEY_VARIABLE;
    }

    @Override
    public String defaultBaseUrl() {
        return DEFAULT_BASE_URL;
    }

    @Override
    public Optional<VideoGenerator> videos(ModelEntry model, VendorContext context) {
        if (!serves(model, "video")) return Optional.empty();
        return Optional.of(new RemoteClipGenerator(model, context, clipJobs(model, context)));
    }

    /** A text-to-video job (no keyframe) for {@code model}; the pipeline does not need one yet. */
    public RemoteJob textToVideo(ModelEntry model, VendorContext context, String prompt, CameraMove camera,
                                 int width, int height, int seconds, long seed) {
        return clipJobs(model, context).textJob(prompt, camera, width, height, seconds, seed);
    }

    private RunwayVideoJobs clipJobs(ModelEntry model, VendorContext context) {
        return new RunwayVideoJobs(model, new RunwayClient(context, baseUrl(context)));
    }

    @Override
    public String check(VendorContext context) {
        JsonNode organization = new RunwayClient(context, baseUrl(context)).organization();
        JsonNode credits = organization.path("creditBalance");
        return "Runway at " + baseUrl(context) + ": key accepted" + (credits.isNumber() ? ", " + credits.asLong() + " credits left" : "");
    }

    @Override
    public List<String> seams() {
        return List.of("video");
    }
}
