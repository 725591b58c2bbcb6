package dev.reelwright.providers.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.providers.remote.RemoteClipGenerator;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.spi.VendorModule;
import java.util.List;
import java.util.Optional;

/**
 * A self-hosted ComfyUI server running open-weights Wan image-to-video (PROVIDERS.md §5). No key. The server is at
 * production.yaml {@code providers.comfyui.base_url}, else {@code COMFYUI_BASE_URL}, else {@code http://127.0.0.1:8188};
 * the vendor counts as configured once a base URL is set explicitly. The graph is the bundled Wan 2.1 workflow or
 * the file named by {@code COMFYUI_WORKFLOW} (see {@link ComfyUIWorkflow} for its placeholders).
 */
public final class ComfyUIModule implements VendorModule {
    public static final String VENDOR = "comfyui";
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8188";

    @Override
    public String vendor() {
        return VENDOR;
    }

    @Override
    public String description() {
        return "ComfyUI (self-hosted): Wan 2.1 image-to-video through a workflow graph; set COMFYUI_BASE_URL, optionally COMFYUI_WORKFLOW";
    }

    @Override
    public String keyVariable() {
        return null;
    }

    @Override
    public String defaultBaseUrl() {
        return DEFAULT_BASE_URL;
    }

    @Override
    public Optional<VideoGenerator> videos(ModelEntry model, VendorContext context) {
        if (!serves(model, "video")) return Optional.empty();
        ComfyUIWorkflow workflow = ComfyUIWorkflow.load(context.env(ComfyUIWorkflow.WORKFLOW_VARIABLE));
        return Optional.of(new RemoteClipGenerator(model, context, new ComfyUIVideoJobs(model, new ComfyUIClient(context, baseUrl(context)), workflow)));
    }

    @Override
    public String check(VendorContext context) {
        JsonNode stats = new ComfyUIClient(context, baseUrl(context)).systemStats();
        String version = stats.path("system").path("comfyui_version").asText("?");
        JsonNode device = stats.path("devices").path(0);
        String gpu = device.isMissingNode() ? "no device listed"
                : device.path("name").asText("?") + (device.path("vram_free").isNumber()
                ? ", %.1f of %.1f GiB free".formatted(device.path("vram_free").asDouble() / (1L << 30), device.path("vram_total").asDouble() / (1L << 30)) : "");
        return "ComfyUI " + version + " at " + baseUrl(context) + " (" + gpu + ")";
    }

    @Override
    public List<String> seams() {
        return List.of("video");
    }
}
