package dev.reelwright.providers.google;

import dev.reelwright.core.error.InputException;
import dev.reelwright.providers.http.Secret;
import dev.reelwright.providers.spi.VendorContext;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything the Google adapter reads from outside, resolved once per model: the route, where it lives, the
 * credential, and the optional Veo parameters a user may set through the environment.
 *
 * <p>Vertex AI wants an OAuth2 access token. Reelwright does not implement Google's OAuth flows (service-account
 * JWTs, refresh tokens, metadata server) and takes no Google SDK: the user passes a token in
 * {@code GOOGLE_VERTEX_ACCESS_TOKEN}, e.g. {@code export GOOGLE_VERTEX_ACCESS_TOKEN=$(gcloud auth print-access-token)}.
 * Such tokens last about an hour, so for longer runs {@code GOOGLE_VERTEX_ACCESS_TOKEN_COMMAND} names a command that
 * prints a fresh one, which takes precedence ({@link GoogleCredential}).
 *
 * @param base        scheme + host (+ port) of the route's API; production.yaml {@code providers.google.base_url} or
 *                    {@code GOOGLE_BASE_URL} overrides it for either route
 * @param storageBase where {@code gs://bucket/object} results are fetched from ({@code GOOGLE_STORAGE_BASE_URL},
 *                    default {@code https://storage.googleapis.com}), with the same bearer token
 * @param project     Vertex AI only ({@code GOOGLE_CLOUD_PROJECT}); null on the Gemini route
 * @param location    Vertex AI only ({@code GOOGLE_CLOUD_LOCATION}, default {@code us-central1}); null on the Gemini route
 */
public record VeoSettings(VeoRoute route, URI base, URI storageBase, GoogleCredential credential, String project, String location, VeoOptions options) {
    public static final String VENDOR = "google";
    public static final String DEFAULT_LOCATION = "us-central1";
    public static final String GEMINI_BASE = "https://generativelanguage.googleapis.com";
    public static final String STORAGE_BASE = "https://storage.googleapis.com";

    /** Per-request Veo options from the environment; none of them is required. */
    public record VeoOptions(boolean generateAudio, String negativePrompt, String personGeneration, String storageUri) {
        public static final String GENERATE_AUDIO = "GOOGLE_VEO_GENERATE_AUDIO";
        public static final String NEGATIVE_PROMPT = "GOOGLE_VEO_NEGATIVE_PROMPT";
        public static final String PERSON_GENERATION = "GOOGLE_VEO_PERSON_GENERATION";
        public static final String STORAGE_URI = "GOOGLE_VEO_STORAGE_URI";

        static VeoOptions from(VendorContext context, VeoRoute route) {
            boolean audio = context.env(GENERATE_AUDIO).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> true;
                case "false", "0", "no" -> false;
                default -> throw new InputException(VENDOR + ": " + GENERATE_AUDIO + " must be true or false, got '" + value + "'");
            }).orElse(false);
            String person = context.env(PERSON_GENERATION).orElse(null);
            if (person != null && !person.matches("dont_allow|allow_adult|allow_all")) {
                throw new InputException(VENDOR + ": " + PERSON_GENERATION + " must be dont_allow, allow_adult or allow_all, got '" + person + "'");
            }
            String storage = context.env(STORAGE_URI).orElse(null);
            if (storage != null && !storage.startsWith("gs://")) {
                throw new InputException(VENDOR + ": " + STORAGE_URI + " must be a gs://bucket/folder/ URI, got '" + storage + "'");
            }
            if (route == VeoRoute.GEMINI && (audio || storage != null)) {
                // The SDK raises ValueError for both on the Gemini API; say so instead of sending what it refuses.
                throw new InputException(VENDOR + ": " + (audio ? GENERATE_AUDIO : STORAGE_URI)
                        + " works on Vertex AI only; the Gemini API does not take it (unset it or use a -vertex model)");
            }
            return new VeoOptions(audio, context.env(NEGATIVE_PROMPT).orElse(null), person, storage);
        }
    }

    public static VeoSettings resolve(VendorContext context, VeoRoute route) {
        URI storage = URI.create(context.env("GOOGLE_STORAGE_BASE_URL").orElse(STORAGE_BASE).replaceAll("/+$", ""));
        VeoOptions options = VeoOptions.from(context, route);
        return switch (route) {
            case VERTEX -> {
                String project = context.env(VeoRoute.PROJECT_VARIABLE).orElseThrow(() -> new InputException(
                        VENDOR + ": Vertex AI needs a project; set " + VeoRoute.PROJECT_VARIABLE + " to your Google Cloud project id"));
                String location = context.env(VeoRoute.LOCATION_VARIABLE).orElse(DEFAULT_LOCATION);
                if (!project.matches("[a-z][a-z0-9-:.]{2,}")) {
                    throw new InputException(VENDOR + ": " + VeoRoute.PROJECT_VARIABLE + " '" + project + "' is not a project id");
                }
                if (!location.matches("[a-z0-9-]+")) {
                    throw new InputException(VENDOR + ": " + VeoRoute.LOCATION_VARIABLE + " '" + location + "' is not a location such as us-central1");
                }
                yield new VeoSettings(route, context.baseUrl(VENDOR, vertexBase(location)), storage, vertexToken(context), project, location, options);
            }
            case GEMINI -> new VeoSettings(route, context.baseUrl(VENDOR, GEMINI_BASE), storage,
                    GoogleCredential.fixed(context.requireKey(VENDOR, route.keyVariable())), null, null, options);
        };
    }

    /** The command that prints a token when one is named, else the token given; neither is an error that says how. */
    private static GoogleCredential vertexToken(VendorContext context) {
        Optional<String> command = context.env(GoogleCredential.COMMAND_VARIABLE);
        if (command.isPresent()) return GoogleCredential.command(command.get(), context.clock());
        String variable = context.keyVariable(VENDOR, VeoRoute.VERTEX.keyVariable());
        Secret token = context.key(VENDOR, VeoRoute.VERTEX.keyVariable()).orElseThrow(() -> new InputException(
                VENDOR + ": Vertex AI needs an OAuth access token; set " + GoogleCredential.COMMAND_VARIABLE
                        + " to a command that prints one (e.g. gcloud auth print-access-token), or " + variable
                        + " to a token (e.g. export " + variable + "=$(gcloud auth print-access-token); it lasts about an hour)"));
        return GoogleCredential.fixed(token);
    }

    /** {@code https://{location}-aiplatform.googleapis.com}, or {@code https://aiplatform.googleapis.com} for {@code global}. */
    public static String vertexBase(String location) {
        return location.equals("global") ? "https://aiplatform.googleapis.com" : "https://" + location + "-aiplatform.googleapis.com";
    }


    /** The name of the variable holding the credential, for messages (never the value). */
    public String credentialVariable() {
        return credential.source();
    }
}
