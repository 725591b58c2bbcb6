package dev.reelwright.providers.google;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.providers.remote.RemoteClipGenerator;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.spi.VendorModule;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Google Veo, on Vertex AI (primary: OAuth access token from {@code GOOGLE_VERTEX_ACCESS_TOKEN_COMMAND} or in
 * {@code GOOGLE_VERTEX_ACCESS_TOKEN}, project in
 * {@code GOOGLE_CLOUD_PROJECT}, location in {@code GOOGLE_CLOUD_LOCATION}) or on the Gemini API (key in
 * {@code GEMINI_API_KEY}). {@link VeoRoute} says which route a catalog model takes.
 */
public final class GoogleModule implements VendorModule {
    private final ModelCatalog catalog;

    public GoogleModule() {
        this(ModelCatalog.bundled());
    }

    /** With the catalog whose models {@link #check} may name (the module never hard-codes a model id). */
    public GoogleModule(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String vendor() {
        return VeoSettings.VENDOR;
    }

    @Override
    public String description() {
        return "Google Veo video (image-to-video) on Vertex AI (GOOGLE_CLOUD_PROJECT + GOOGLE_VERTEX_ACCESS_TOKEN_COMMAND, e.g. "
                + "'gcloud auth print-access-token', or a token in GOOGLE_VERTEX_ACCESS_TOKEN) or the Gemini API (GEMINI_API_KEY)";
    }

    /** The primary route's credential; the Gemini route reads {@code GEMINI_API_KEY}. */
    @Override
    public String keyVariable() {
        return VeoRoute.VERTEX.keyVariable();
    }

    @Override
    public String defaultBaseUrl() {
        return VeoSettings.vertexBase(VeoSettings.DEFAULT_LOCATION);
    }

    @Override
    public URI baseUrl(VendorContext context) {
        VeoRoute route = VeoRoute.preferred(context);
        String fallback = route == VeoRoute.VERTEX
                ? VeoSettings.vertexBase(context.env(VeoRoute.LOCATION_VARIABLE).orElse(VeoSettings.DEFAULT_LOCATION))
                : VeoSettings.GEMINI_BASE;
        return context.baseUrl(vendor(), fallback);
    }

    /** Usable when Vertex AI has a project and a token, or the Gemini API has a key. */
    @Override
    public boolean configured(VendorContext context) {
        boolean vertex = context.env(VeoRoute.PROJECT_VARIABLE).isPresent() && (context.key(vendor(), VeoRoute.VERTEX.keyVariable()).isPresent()
                || context.env(GoogleCredential.COMMAND_VARIABLE).isPresent());
        return vertex || context.key(vendor(), VeoRoute.GEMINI.keyVariable()).isPresent();
    }

    @Override
    public Optional<VideoGenerator> videos(ModelEntry model, VendorContext context) {
        if (!serves(model, "video")) return Optional.empty();
        GoogleClient client = client(context, VeoRoute.of(model, context));
        return Optional.of(new RemoteClipGenerator(model, context, new VeoClipJobs(model, client)));
    }

    @Override
    public String check(VendorContext context) {
        VeoRoute route = VeoRoute.preferred(context);
        GoogleClient client = client(context, route);
        if (route == VeoRoute.GEMINI) return client.check(null);
        ModelEntry model = catalog.byVendor(vendor()).stream()
                .filter(m -> m.kind().equals("video") && !m.retired() && VeoRoute.of(m, context) == VeoRoute.VERTEX)
                .findFirst()
                .orElseThrow(() -> new InputException(vendor() + ": the catalog lists no active Vertex AI Veo model to check"));
        return client.check(model.model());
    }

    @Override
    public List<String> seams() {
        return List.of("video");
    }

    static GoogleClient client(VendorContext context, VeoRoute route) {
        VeoSettings settings = VeoSettings.resolve(context, route);
        return new GoogleClient(context.http(VeoSettings.VENDOR), settings, context.clock());
    }
}
