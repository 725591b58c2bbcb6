package dev.reelwright.providers.google;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.providers.spi.VendorContext;

/**
 * Which Google API serves a Veo model. The catalog id decides where it says so: an id ending in {@code -vertex}
 * goes to Vertex AI, one ending in {@code -gemini} to the Gemini API. Any other Google id goes to Vertex AI when
 * {@code GOOGLE_CLOUD_PROJECT} is set, else to the Gemini API.
 */
public enum VeoRoute {
    /** Vertex AI (OAuth access token, project and location): the primary route. */
    VERTEX("GOOGLE_VERTEX_ACCESS_TOKEN"),
    /** The Gemini API (API key). */
    GEMINI("GEMINI_API_KEY");

    public static final String PROJECT_VARIABLE = "GOOGLE_CLOUD_PROJECT";
    public static final String LOCATION_VARIABLE = "GOOGLE_CLOUD_LOCATION";

    private final String keyVariable;

    VeoRoute(String keyVariable) {
        this.keyVariable = keyVariable;
    }

    /** The environment variable that usually holds this route's credential (production.yaml {@code key_env} renames it). */
    public String keyVariable() {
        return keyVariable;
    }

    public static VeoRoute of(ModelEntry model, VendorContext context) {
        if (model.id().endsWith("-gemini")) return GEMINI;
        if (model.id().endsWith("-vertex")) return VERTEX;
        return context.env(PROJECT_VARIABLE).isPresent() ? VERTEX : GEMINI;
    }

    /** The route a model-less call (the module's check) uses: Vertex AI when a project is set. */
    public static VeoRoute preferred(VendorContext context) {
        return context.env(PROJECT_VARIABLE).isPresent() ? VERTEX : GEMINI;
    }
}
