package dev.reelwright.providers.fal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.spi.ImageGenerator;
import dev.reelwright.core.spi.LipSyncer;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.core.spi.VoiceCloner;
import dev.reelwright.providers.remote.RemoteClipGenerator;
import dev.reelwright.providers.remote.RemoteImageGenerator;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.spi.VendorModule;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * fal.ai's queue API (PROVIDERS.md §1) behind Reelwright's seams, for the catalog's {@code fal/…} models:
 * Flux keyframes (kind {@code image}), Kling and Wan clips ({@code video}), Kling AI Avatar lip sync ({@code avatar}),
 * MiniMax speech ({@code speech}) and voice cloning ({@code voice_clone}). Key: {@code FAL_KEY} (or {@code key_env}),
 * sent as {@code Authorization: Key <FAL_KEY>}. Base URL: the queue, {@value FalClient#DEFAULT_QUEUE_URL}; see
 * {@link FalClient} for the storage and platform hosts.
 */
public final class FalModule implements VendorModule {
    private final ModelCatalog catalog;

    public FalModule() {
        this(ModelCatalog.bundled());
    }

    /** @param catalog where {@link #check} finds an endpoint id to ask about */
    public FalModule(ModelCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog);
    }

    @Override
    public String vendor() {
        return FalClient.VENDOR;
    }

    @Override
    public String description() {
        return "fal.ai queue: Flux keyframes, Kling and Wan clips, Kling AI Avatar lip sync, MiniMax speech and voice cloning";
    }

    @Override
    public String keyVariable() {
        return FalClient.KEY_VARIABLE;
    }

    @Override
    public String defaultBaseUrl() {
        return FalClient.DEFAULT_QUEUE_URL;
    }

    @Override
    public Optional<ImageGenerator> images(ModelEntry model, VendorContext context) {
        return serves(model, "image") ? Optional.of(new RemoteImageGenerator(model, context, new FalImageJobs(model, new FalClient(context))))
                : Optional.empty();
    }

    @Override
    public Optional<VideoGenerator> videos(ModelEntry model, VendorContext context) {
        return serves(model, "video") ? Optional.of(new RemoteClipGenerator(model, context, new FalVideoJobs(model, new FalClient(context))))
                : Optional.empty();
    }

    @Override
    public Optional<LipSyncer> lipSync(ModelEntry model, VendorContext context) {
        return serves(model, "avatar") ? Optional.of(new FalLipSyncer(model, new FalClient(context))) : Optional.empty();
    }

    @Override
    public Optional<SpeechSynthesizer> speech(ModelEntry model, VendorContext context) {
        return serves(model, "speech") ? Optional.of(new FalSpeechSynthesizer(model, new FalClient(context))) : Optional.empty();
    }

    @Override
    public Optional<VoiceCloner> voiceCloner(ModelEntry model, VendorContext context) {
        return serves(model, "voice_clone") ? Optional.of(new FalVoiceCloner(model, new FalClient(context))) : Optional.empty();
    }

    /**
     * Asks the platform API what one of the catalog's fal endpoints costs: {@code GET {platform}/v1/models/pricing
     * ?endpoint_id=<id>} needs a valid key, costs nothing and starts nothing. (The alternative, the queue status of a
     * made-up request id, relies on an undocumented 404.) It proves the key; the queue host is exercised by the
     * first real job.
     */
    @Override
    public String check(VendorContext context) {
        ModelEntry probe = catalog.byVendor(FalClient.VENDOR).stream().filter(m -> !m.retired()).findFirst()
                .orElseThrow(() -> VendorException.of(FalClient.VENDOR, Kind.MODEL_UNAVAILABLE, "the catalog lists no fal model to ask about"));
        FalClient client = new FalClient(context);
        JsonNode prices = client.pricing(probe.model()).path("prices");
        for (JsonNode price : prices) {
            if (probe.model().equals(price.path("endpoint_id").asText())) {
                return "fal.ai at " + client.platformUrl() + " accepted the key; " + probe.model() + " costs " + price.path("unit_price").asText("?")
                        + " " + price.path("currency").asText("USD") + " per " + price.path("unit").asText("unit");
            }
        }
        return "fal.ai at " + client.platformUrl() + " accepted the key (no price listed for " + probe.model() + ")";
    }

    @Override
    public List<String> seams() {
        return List.of("ImageGenerator", "VideoGenerator", "LipSyncer", "SpeechSynthesizer", "VoiceCloner");
    }
}
