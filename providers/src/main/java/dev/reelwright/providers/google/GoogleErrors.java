package dev.reelwright.providers.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.google.api.VeoOperation;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place that turns Google's answers into {@link VendorException}s: HTTP errors
 * ({@code {"error":{"code","message","status","details"}}}, the same on Vertex AI and the Gemini API), failed
 * operations ({@code done} with an {@code error}) and safety filtering (done, no video, {@code raiMediaFilteredCount}).
 */
final class GoogleErrors {
    static final String VENDOR = VeoSettings.VENDOR;

    /** What the call was, because the same status means different things: NOT_FOUND on submit is a retired model. */
    enum Call { SUBMIT, POLL, CHECK }

    /**
     * Google's wording when Responsible-AI filters refuse a prompt or image (e.g. "This prompt contains sensitive
     * words that violate Google's Responsible AI practices … Support codes: 58061214"). Observed in public reports,
     * not a documented contract: anything else stays INVALID_REQUEST / JOB_FAILED.
     */
    private static final Pattern SAFETY = Pattern.compile(
            "responsible ai|usage guidelines|safety (filter|setting|polic)|sensitive words|violat(e|es|ed|ing) .*polic|could not generate .* based on the prompt",
            Pattern.CASE_INSENSITIVE);

    private final VeoSettings settings;
    private final Clock clock;

    GoogleErrors(VeoSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    VendorException fromReply(HttpReply reply, Call call, String model) {
        JsonNode error = reply.json().path("error");
        String status = error.path("status").asText("");
        String message = clean(error.path("message").asText(error.isTextual() ? error.asText() : reply.excerpt()));
        int http = reply.status();
        Duration retryAfter = RetryAfter.from(reply.headers(), clock).orElse(null);
        if (http == 401 || status.equals("UNAUTHENTICATED") || apiKeyInvalid(error, message)) {
            String fix = settings.route() == VeoRoute.GEMINI ? settings.credentialVariable()
                    : settings.credential().refreshable() ? settings.credentialVariable() + " (refused even when freshly printed: check the command's account)"
                    : settings.credentialVariable() + " (access tokens expire after about an hour: refresh it with 'gcloud auth print-access-token',"
                            + " or set " + GoogleCredential.COMMAND_VARIABLE + " to that command so Reelwright refreshes it)";
            return VendorException.badKey(VENDOR, http, fix);
        }
        if (http == 403 || status.equals("PERMISSION_DENIED")) {
            return VendorException.http(VENDOR, Kind.AUTHENTICATION, http, "permission denied: " + message + " — check that the account behind "
                    + settings.credentialVariable() + " may use " + (settings.route() == VeoRoute.VERTEX
                    ? "Vertex AI in project " + settings.project() + " (role Vertex AI User, API enabled)" : "the Gemini API"), null, null);
        }
        if (http == 429 || status.equals("RESOURCE_EXHAUSTED")) {
            return VendorException.http(VENDOR, Kind.RATE_LIMITED, http, "rate limit or quota reached: " + message, retryAfter, null);
        }
        if (http == 404 || status.equals("NOT_FOUND")) {
            return switch (call) {
                case SUBMIT, CHECK -> VendorException.http(VENDOR, Kind.MODEL_UNAVAILABLE, http, "model '" + model + "' is not available on "
                        + routeName() + " (Google retires Veo models: veo-2.0 and veo-3.0 ids ended 2026-06-30): " + message, null, null);
                case POLL -> VendorException.http(VENDOR, Kind.JOB_FAILED, http, "the operation is unknown to Google: " + message, null, null);
            };
        }
        if (http >= 500) {
            return VendorException.http(VENDOR, Kind.OUTAGE, http, (status.isEmpty() ? "server error" : status) + ": " + message, retryAfter, null);
        }
        if (SAFETY.matcher(message).find()) {
            return VendorException.http(VENDOR, Kind.CONTENT_POLICY, http, "refused by Google's safety filters: " + message, null, null);
        }
        return VendorException.http(VENDOR, Kind.INVALID_REQUEST, http, (status.isEmpty() ? "" : status + ": ") + message, null, field(error));
    }

    /** A finished operation that carries an {@code error} (gRPC code numbers, not HTTP statuses). */
    VendorException operationFailed(String operation, VeoOperation.Status error) {
        String message = clean(error.message());
        String detail = "operation " + operation + " failed (code " + error.code() + "): " + message;
        if (SAFETY.matcher(message).find()) return VendorException.of(VENDOR, Kind.CONTENT_POLICY, detail);
        return switch (error.code()) {
            case 3, 9, 11 -> VendorException.of(VENDOR, Kind.INVALID_REQUEST, detail); // INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE
            case 8 -> VendorException.of(VENDOR, Kind.RATE_LIMITED, detail);          // RESOURCE_EXHAUSTED
            case 7, 16 -> VendorException.of(VENDOR, Kind.AUTHENTICATION, detail);   // PERMISSION_DENIED, UNAUTHENTICATED
            default -> VendorException.of(VENDOR, Kind.JOB_FAILED, detail);
        };
    }

    /** Done, but every video was withheld by the safety filters: a refusal, never retried. */
    VendorException filtered(String operation, int count, List<String> reasons) {
        String why = reasons.isEmpty() ? "no reason given" : clean(String.join(" | ", reasons));
        return VendorException.of(VENDOR, Kind.CONTENT_POLICY, "operation " + operation + ": " + count
                + " video(s) withheld by Google's safety filters: " + why);
    }

    VendorException noVideo(String operation) {
        return VendorException.of(VENDOR, Kind.BAD_OUTPUT, "operation " + operation + " finished without a video and without a reason");
    }

    private String routeName() {
        return settings.route() == VeoRoute.VERTEX ? "Vertex AI in " + settings.location() : "the Gemini API";
    }

    /** The Gemini API answers a bad key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID. */
    private static boolean apiKeyInvalid(JsonNode error, String message) {
        for (JsonNode detail : error.path("details")) {
            if (detail.path("reason").asText("").equals("API_KEY_INVALID")) return true;
        }
        return message.toLowerCase(Locale.ROOT).contains("api key not valid");
    }

    /** The field a {@code google.rpc.BadRequest} detail blames, if any. */
    private static String field(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            for (JsonNode violation : detail.path("fieldViolations")) {
                String field = violation.path("field").asText("");
                if (!field.isEmpty()) return field;
            }
        }
        return null;
    }

    /** Google does not echo credentials, but a message must never carry one, so make sure. */
    private String clean(String text) {
        String flat = settings.credential().redact(text == null ? "" : text.replaceAll("\\s+", " ").strip());
        return flat.length() > 400 ? flat.substring(0, 400) + "…" : flat;
    }
}
