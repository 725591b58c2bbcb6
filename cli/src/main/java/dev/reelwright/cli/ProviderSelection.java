package dev.reelwright.cli;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.cost.Pricing;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.model.ModelChoice;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.pipeline.ClipModels;
import dev.reelwright.core.pipeline.Prices;
import dev.reelwright.core.pipeline.Providers;
import dev.reelwright.core.routing.Router;
import dev.reelwright.core.spi.ImageGenerator;
import dev.reelwright.core.spi.LipSyncer;
import dev.reelwright.core.spi.ScenePlanner;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.media.verify.FfmpegMediaVerifier;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.spi.VendorModule;
import dev.reelwright.providers.spi.Vendors;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Turns production.yaml's {@code models:} into the implementations a run uses: the embedded local ones unless a
 * catalog model of a configured vendor is named. Every refusal is bad input with a one-line reason (unknown model,
 * retired model, missing key), caught before anything is generated or paid for.
 */
public final class ProviderSelection {
    private final ModelCatalog catalog;
    private final Vendors vendors;
    private final VendorContext context;

    public ProviderSelection(ModelCatalog catalog, Vendors vendors, VendorContext context) {
        this.catalog = catalog;
        this.vendors = vendors;
        this.context = context;
    }

    public static ProviderSelection forRun(ProductionSpec spec, Environment environment) {
        VendorContext context = new VendorContext(environment.variables(), spec.providers(), VendorHttp.defaultClient(),
                environment.clock(), environment.sleeper(), RandomGenerator.getDefault(), new FfmpegMediaVerifier(), null);
        ModelCatalog catalog = ModelCatalog.withOverrides(spec.catalog());
        return new ProviderSelection(catalog, Vendors.shipped(catalog), context);
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    public Vendors vendors() {
        return vendors;
    }

    public VendorContext context() {
        return context;
    }

    /** Whether a vendor has what it needs to be called (its key, or a base URL for a self-hosted server); local always has. */
    public boolean configured(String vendor) {
        if (vendor.equals("local")) return true;
        return vendors.find(vendor).map(module -> module.configured(context)).orElse(false);
    }

    /** The router over this run's catalog, counting a vendor usable when it is configured. */
    public Router router() {
        return new Router(catalog, this::configured);
    }

    /**
     * The catalog entry production.yaml names for a seam, checked as a run would check it (known, active, an
     * adapter in this build, configured); the embedded {@code fallback} entry when none or a local one is named.
     */
    public ModelEntry entry(String id, String kind, String key, String fallback) {
        Optional<ModelEntry> named = checked(id, kind, key);
        if (named.isPresent()) return named.get();
        return catalog.require(id != null && id.startsWith("local/") ? id : fallback, kind, "production.yaml " + key);
    }

    public ScenePlanner planner(ProductionSpec spec) {
        return pick(spec.models().planner(), "planner", "models.planner", VendorModule::planner).orElseGet(LocalStack::planner);
    }

    public Providers providers(ProductionSpec spec) {
        Providers local = LocalStack.providers(spec);
        ModelChoice models = spec.models();
        ImageGenerator images = pick(models.keyframes(), "image", "models.keyframes", VendorModule::images).orElse(local.images());
        boolean auto = Router.AUTO.equalsIgnoreCase(models.clips() == null ? "" : models.clips().strip());
        // A pinned model is checked (and its adapter built) up front; 'auto' builds adapters as shots are routed.
        VideoGenerator videos = auto ? local.videos() : pick(models.clips(), "video", "models.clips", VendorModule::videos).orElse(local.videos());
        SpeechSynthesizer speech = pick(models.speech(), "speech", "models.speech", VendorModule::speech).orElse(local.speech());
        ModelEntry keyframeModel = entry(models.keyframes(), "image", "models.keyframes", "local/procedural-keyframe");
        ModelEntry speechModel = entry(models.speech(), "speech", "models.speech", "local/freetts-kevin16");
        Prices prices = new Prices() {
            @Override
            public Estimate keyframe() {
                return new Estimate(keyframeModel.vendor(), keyframeModel.id(), Pricing.image(keyframeModel));
            }

            @Override
            public Estimate speech(String text) {
                return new Estimate(speechModel.vendor(), speechModel.id(), Pricing.speech(speechModel, text.length()));
            }
        };
        Router router = router();
        ClipModels clipModels = ClipModels.of(router, model -> {
            if (model.vendor().equals("local")) return local.videos();
            if (!auto && models.clips() != null && model.id().equals(models.clips().strip())) return videos;
            VendorModule module = vendors.find(model.vendor()).orElseThrow(() ->
                    new InputException("the router chose " + model.id() + ", but this build has no adapter for " + model.vendor()));
            // A talking head comes from a lip-sync model, fed the shot's speech (LipSyncer.asClips).
            Optional<VideoGenerator> clips = model.makesLipSync() ? module.lipSync(model, context).map(LipSyncer::asClips) : module.videos(model, context);
            return clips.orElseThrow(() -> new InputException("the router chose " + model.id() + " (" + model.kind()
                    + "), but the " + model.vendor() + " adapter in this build cannot make shots with it: pin another model in production.yaml"));
        });
        return new Providers(planner(spec), images, videos, speech, local.assembler(), local.inspector(), clipModels, prices);
    }

    private <T> Optional<T> pick(String id, String kind, String key, Seam<T> seam) {
        return checked(id, kind, key).map(entry -> seam.apply(vendors.find(entry.vendor()).orElseThrow(), entry, context)
                .orElseThrow(() -> new InputException("production.yaml " + key + ": " + entry.vendor() + " cannot serve " + kind + " with " + id)));
    }

    /** The named entry after every check a run makes before paying; empty for none or a local model. */
    private Optional<ModelEntry> checked(String id, String kind, String key) {
        if (id == null || id.isBlank() || id.startsWith("local/")) return Optional.empty();
        ModelEntry entry = catalog.require(id, kind, "production.yaml " + key);
        if (entry.retired()) {
            throw new InputException("production.yaml " + key + ": " + id + " was retired"
                    + (entry.retiredOn() == null ? "" : " on " + entry.retiredOn()) + "; pick another (reelwright providers lists them)");
        }
        VendorModule module = vendors.find(entry.vendor()).orElseThrow(() ->
                new InputException("production.yaml " + key + ": no adapter for vendor '" + entry.vendor() + "' in this build"));
        if (!module.configured(context)) {
            String what = module.keyVariable() == null ? "its base URL (" + entry.vendor().toUpperCase() + "_BASE_URL or providers."
                    + entry.vendor() + ".base_url)" : "the environment variable " + context.keyVariable(entry.vendor(), module.keyVariable());
            throw new InputException("production.yaml " + key + ": " + id + " needs " + what);
        }
        return Optional.of(entry);
    }

    @FunctionalInterface
    private interface Seam<T> {
        Optional<T> apply(VendorModule module, ModelEntry entry, VendorContext context);
    }
}
