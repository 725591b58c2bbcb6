package dev.reelwright.providers.kling;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.core.spi.LipSyncer;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.providers.remote.RemoteClipGenerator;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.spi.VendorModule;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Kling's own API (PROVIDERS.md §8; medium confidence, from third-party copies of Kling's pages): image- and
 * text-to-video with camera control, and lip sync. Two keys: {@code KLING_ACCESS_KEY} (production.yaml
 * {@code key_env} may rename it) and {@code KLING_SECRET_KEY}, which sign a JWT per request. Base URL
 * {@code https://api-singapore.klingai.com} (servers outside China) unless production.yaml or {@code KLING_BASE_URL}
 * says otherwise.
 */
public final class KlingModule implements VendorModule {
    public static final String VENDOR = "kling";
    public static final String ACCESS_KEY_VARIABLE = "KLING_ACCESS_KEY";
    public static final String SECRET_KEY_VARIABLE = "KLING_SECRET_KEY";
    public static final String DEFAULT_BASE_URL = "https://api-singapore.klingai.com";
    /** A task id no one has: {@link #check} queries it, so only authentication is tested and nothing is created. */
    static final String CHECK_TASK_ID = "reelwright-check-0000";

    private final ModelCatalog catalog;

    public KlingModule() {
        this(ModelCatalog.bundled());
    }

    /** @param catalog where lip sync finds the Kling video model for its base clip */
    public KlingModule(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String vendor() {
        return VENDOR;
    }

    @Override
    public String description() {
        return "Kling API: image/text-to-video with camera control (kling-v1), lip sync on a Kling clip";
    }

    @Override
    public String keyVariable() {
        return ACCESS_KEY_VARIABLE;
    }

    @Override
    public String defaultBaseUrl() {
        return DEFAULT_BASE_URL;
    }

    /** Both halves of the key pair must be present. */
    @Override
    public boolean configured(VendorContext context) {
        return context.key(VENDOR, ACCESS_KEY_VARIABLE).isPresent() && context.env(SECRET_KEY_VARIABLE).isPresent();
    }

    /** What an authentication error tells the user to fix. */
    static String keySetting(VendorContext context) {
        return context.keyVariable(VENDOR, ACCESS_KEY_VARIABLE) + " and " + SECRET_KEY_VARIABLE;
    }

    @Override
    public Optional<VideoGenerator> videos(ModelEntry model, VendorContext context) {
        if (!serves(model, "video")) return Optional.empty();
        return Optional.of(new RemoteClipGenerator(model, context, new KlingVideoJobs(model, client(context))));
    }

    /** A text-to-video job (no keyframe) for {@code model}; the pipeline does not need one yet. */
    public RemoteJob textToVideo(ModelEntry model, VendorContext context, String prompt, CameraMove camera, int width, int height, int seconds) {
        return new KlingVideoJobs(model, client(context)).textJob(prompt, camera, width, height, seconds);
    }

    /**
     * Lip sync needs a Kling video model for its base clip: the cheapest active Kling image-to-video model in the
     * catalog this module was built with (the catalog has no field linking the two; see {@link KlingLipSyncer}).
     */
    @Override
    public Optional<LipSyncer> lipSync(ModelEntry model, VendorContext context) {
        if (!serves(model, "lip_sync")) return Optional.empty();
        return baseVideoModel().map(video -> new KlingLipSyncer(model, video, context, client(context)));
    }

    Optional<ModelEntry> baseVideoModel() {
        return catalog.byVendor(VENDOR).stream()
                .filter(m -> m.kind().equals("video") && !m.retired() && m.supports("image-to-video"))
                .min(Comparator.comparingDouble(m -> m.price("per_second")));
    }

    @Override
    public String check(VendorContext context) {
        // Querying a task that does not exist costs nothing and still needs a valid token: a refusal of the key
        // is AUTHENTICATION, "no such task" means the key was accepted.
        client(context).find(KlingClient.IMAGE_TO_VIDEO, CHECK_TASK_ID);
        return "Kling at " + baseUrl(context) + ": key pair accepted";
    }

    @Override
    public List<String> seams() {
        return List.of("video", "lip_sync");
    }

    private KlingClient client(VendorContext context) {
        return new KlingClient(context, baseUrl(context));
    }
}
