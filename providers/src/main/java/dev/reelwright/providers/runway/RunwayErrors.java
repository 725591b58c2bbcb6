package dev.reelwright.providers.runway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place that turns Runway's answers into {@link VendorException}s (PROVIDERS.md §4; docs.dev.runwayml.com
 * "API Errors" and "Task failures").
 *
 * <table>
 * <caption>HTTP statuses</caption>
 * <tr><th>Status</th><th>Runway says</th><th>Kind</th></tr>
 * <tr><td>400</td><td>an input is wrong; JSON {@code error} names the field and the reason</td><td>INVALID_REQUEST with the field
 *     (MODEL_UNAVAILABLE when the text is about the model)</td></tr>
 * <tr><td>401</td><td>key not valid</td><td>AUTHENTICATION naming the key variable</td></tr>
 * <tr><td>403</td><td>not in Runway's table; third-party reports "Model variant is not available" (unconfirmed)</td>
 *     <td>MODEL_UNAVAILABLE when it mentions a model, else AUTHENTICATION</td></tr>
 * <tr><td>404</td><td>resource not available (e.g. a deleted task)</td><td>JOB_FAILED</td></tr>
 * <tr><td>429</td><td>too many requests / tier limit; "may retry"</td><td>RATE_LIMITED (+ Retry-After)</td></tr>
 * <tr><td>502, 503</td><td>"Runway is shedding load"; "may retry"</td><td>OUTAGE (+ Retry-After)</td></tr>
 * <tr><td>504</td><td>"overloaded and not able to satisfy the request"; "may retry"</td><td>OUTAGE</td></tr>
 * <tr><td>other 5xx</td><td>not documented</td><td>OUTAGE</td></tr>
 * </table>
 * Rate-limit headers other than Retry-After: unconfirmed, none read.
 */
final class RunwayErrors {
    /** Request fields a 400 can name, most specific first. */
    private static final List<String> FIELDS = List.of("promptImage", "promptText", "contentModeration", "ratio", "duration", "seed", "model");
    private static final Pattern MODEL_TROUBLE = Pattern.compile(
            "model[^.]*\\b(not available|unavailable|not found|unknown|invalid|not supported|unsupported|does not exist|deprecated)", Pattern.CASE_INSENSITIVE);

    private final String keyVariable;
    private final Clock clock;

    RunwayErrors(String keyVariable, Clock clock) {
        this.keyVariable = keyVariable;
        this.clock = clock;
    }

    /** The error for a non-2xx reply. */
    VendorException from(HttpReply reply) {
        int status = reply.status();
        String detail = detail(reply);
        Duration retryAfter = RetryAfter.from(reply.headers(), clock).orElse(null);
        return switch (status) {
            case 400 -> MODEL_TROUBLE.matcher(detail).find()
                    ? VendorException.http(RunwayModule.VENDOR, Kind.MODEL_UNAVAILABLE, status, detail, null, "model")
                    : VendorException.http(RunwayModule.VENDOR, Kind.INVALID_REQUEST, status, detail, null, field(reply, detail).orElse(null));
            case 401 -> VendorException.badKey(RunwayModule.VENDOR, status, keyVariable);
            case 403 -> detail.toLowerCase(Locale.ROOT).contains("model")
                    ? VendorException.http(RunwayModule.VENDOR, Kind.MODEL_UNAVAILABLE, status, detail + " (the key's organisation may not have this model)", null, "model")
                    : VendorException.badKey(RunwayModule.VENDOR, status, keyVariable);
            case 404 -> VendorException.http(RunwayModule.VENDOR, Kind.JOB_FAILED, status, "not found (a deleted or unknown task, or a base URL that is not Runway's): " + detail, null, null);
            case 405 -> VendorException.http(RunwayModule.VENDOR, Kind.INVALID_REQUEST, status, "method not allowed: " + detail, null, null);
            case 429 -> VendorException.http(RunwayModule.VENDOR, Kind.RATE_LIMITED, status, "too many requests or the tier's limit was reached: " + detail, retryAfter, null);
            case 502, 503 -> VendorException.http(RunwayModule.VENDOR, Kind.OUTAGE, status, "Runway is shedding load: " + detail, retryAfter, null);
            case 504 -> VendorException.http(RunwayModule.VENDOR, Kind.OUTAGE, status, "Runway is overloaded: " + detail, retryAfter, null);
            default -> status >= 500
                    ? VendorException.http(RunwayModule.VENDOR, Kind.OUTAGE, status, detail, retryAfter, null)
                    : VendorException.http(RunwayModule.VENDOR, Kind.INVALID_REQUEST, status, detail, null, null);
        };
    }

    /**
     * A task's {@code FAILED} state. {@code SAFETY.*} and {@code INPUT_PREPROCESSING.SAFETY.*} are refusals that
     * must never be retried; {@code INTERNAL.BAD_OUTPUT.*} "may retry, unlikely to succeed" so it is a plain failed
     * job; {@code INPUT_PREPROCESSING.INTERNAL} is Runway's moderation system failing (retry later: OUTAGE). Other
     * codes ({@code ASSET.INVALID}, {@code INTERNAL}, ...) are not confirmed and become JOB_FAILED with Runway's text.
     */
    static VendorException taskFailure(String taskId, String failureCode, String failure) {
        String code = failureCode == null ? "" : failureCode;
        String text = "task " + taskId + " failed" + (code.isEmpty() ? "" : " [" + code + "]") + (failure == null ? "" : ": " + failure);
        Kind kind;
        if (code.startsWith("SAFETY.") || code.startsWith("INPUT_PREPROCESSING.SAFETY")) {
            kind = Kind.CONTENT_POLICY;
        } else if (code.equals("INPUT_PREPROCESSING.INTERNAL")) {
            kind = Kind.OUTAGE;
        } else {
            kind = Kind.JOB_FAILED;
        }
        return VendorException.of(RunwayModule.VENDOR, kind, text);
    }

    /** Runway's explanation: {@code error} (text or object), plus any per-field issues. */
    private static String detail(HttpReply reply) {
        JsonNode json = reply.json();
        StringBuilder text = new StringBuilder();
        JsonNode error = json.path("error");
        if (error.isTextual()) text.append(error.asText());
        else if (error.isObject()) text.append(error.path("message").asText(error.toString()));
        for (JsonNode issue : json.path("issues")) {
            if (!text.isEmpty()) text.append("; ");
            String path = pathOf(issue);
            text.append(path.isEmpty() ? "" : path + ": ").append(issue.path("message").asText(""));
        }
        if (text.isEmpty()) text.append(reply.excerpt().isEmpty() ? "(no body)" : reply.excerpt());
        String flat = text.toString().replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** The field a 400 is about: the first issue's path (shape unconfirmed), else a field named in the text. */
    private static Optional<String> field(HttpReply reply, String detail) {
        for (JsonNode issue : reply.json().path("issues")) {
            String path = pathOf(issue);
            if (!path.isEmpty()) return Optional.of(path);
        }
        for (String field : FIELDS) {
            if (Pattern.compile("\\b" + field + "\\b").matcher(detail).find()) return Optional.of(field);
        }
        return Optional.empty();
    }

    private static String pathOf(JsonNode issue) {
        JsonNode path = issue.path("path");
        if (path.isTextual()) return path.asText();
        StringBuilder joined = new StringBuilder();
        for (JsonNode part : path) joined.append(joined.isEmpty() ? "" : ".").append(part.asText());
        return joined.toString();
    }
}
