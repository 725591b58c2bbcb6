package dev.reelwright.providers.kling;

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
 * The one place that turns Kling's answers into {@link VendorException}s. Kling answers with an HTTP status and an
 * envelope {@code {"code","message","request_id"}}; the {@code code} decides (PROVIDERS.md §8, from 3P copies of
 * Kling's "General Information" page).
 *
 * <table>
 * <caption>Kling codes</caption>
 * <tr><th>HTTP / code</th><th>Meaning</th><th>Kind</th></tr>
 * <tr><td>200 / 0</td><td>ok</td><td>—</td></tr>
 * <tr><td>401 / 1000–1004</td><td>token bad, empty, invalid, not yet valid, expired</td><td>AUTHENTICATION naming both key variables</td></tr>
 * <tr><td>429 / 1100–1102</td><td>account abnormal, in arrears, resource pack exhausted</td><td>QUOTA_EXHAUSTED (not a rate limit: never waited out)</td></tr>
 * <tr><td>1103</td><td>no access to this API or model (3P only, unconfirmed)</td><td>MODEL_UNAVAILABLE</td></tr>
 * <tr><td>400 / 12xx</td><td>parameter errors (numbering unconfirmed)</td><td>INVALID_REQUEST naming the field found in the message;
 *     MODEL_UNAVAILABLE when the message is about the model</td></tr>
 * <tr><td>400 / 1301</td><td>content security policy (numbering unconfirmed)</td><td>CONTENT_POLICY, never retried</td></tr>
 * <tr><td>429 / 1302, 1303</td><td>rate limit, concurrency limit (numbering unconfirmed)</td><td>RATE_LIMITED (+ Retry-After)</td></tr>
 * <tr><td>5xx / 5000–5002</td><td>server error, unavailable, maintenance (numbering unconfirmed)</td><td>OUTAGE</td></tr>
 * </table>
 * A refusal can also arrive later as {@code task_status: failed} with a {@code task_status_msg}: see {@link #taskFailure}.
 */
final class KlingErrors {
    /** Request fields an error message may name, longest first so {@code image_tail} wins over {@code image}. */
    private static final List<String> FIELDS = List.of("external_task_id", "negative_prompt", "camera_control", "aspect_ratio", "model_name",
            "image_tail", "static_mask", "dynamic_masks", "cfg_scale", "video_id", "video_url", "audio_file", "audio_url", "audio_type",
            "duration", "prompt", "image", "mode");
    /** Words of a moderation refusal in a failed task's message (heuristic: Kling gives no code there). */
    private static final Pattern REFUSAL = Pattern.compile(
            "risk|moderation|content security|security polic|sensitive|violat|inappropriate|prohibited|not allowed|policy", Pattern.CASE_INSENSITIVE);

    private final String keySetting;
    private final Clock clock;

    KlingErrors(String keySetting, Clock clock) {
        this.keySetting = keySetting;
        this.clock = clock;
    }

    /** Whether a reply is a success: HTTP 2xx and envelope code 0 (or no code at all). */
    static boolean ok(HttpReply reply) {
        JsonNode code = reply.json().path("code");
        return reply.ok() && (code.isMissingNode() || code.isNull() || code.asInt(-1) == 0);
    }

    VendorException from(HttpReply reply) {
        JsonNode json = reply.json();
        int status = reply.status();
        int code = json.path("code").isNumber() ? json.path("code").asInt() : -1;
        String message = json.path("message").asText("");
        String detail = (code >= 0 ? "code " + code + ": " : "") + (message.isBlank() ? reply.excerpt() : message)
                + (json.path("request_id").isTextual() ? " (request_id " + json.path("request_id").asText() + ")" : "");
        Duration retryAfter = RetryAfter.from(reply.headers(), clock).orElse(null);
        if ((code >= 1000 && code <= 1004) || status == 401) return VendorException.badKey(KlingModule.VENDOR, status, keySetting);
        if (code >= 1100 && code <= 1102) {
            return VendorException.http(KlingModule.VENDOR, Kind.QUOTA_EXHAUSTED, status, "the Kling account cannot pay for this: " + detail, null, null);
        }
        if (code == 1103) return VendorException.http(KlingModule.VENDOR, Kind.MODEL_UNAVAILABLE, status, "no access to this API or model: " + detail, null, "model_name");
        if (code == 1301) return VendorException.http(KlingModule.VENDOR, Kind.CONTENT_POLICY, status, detail, null, null);
        if (code == 1302 || code == 1303 || (status == 429 && code < 0)) {
            return VendorException.http(KlingModule.VENDOR, Kind.RATE_LIMITED, status, detail, retryAfter, null);
        }
        if ((code >= 5000 && code < 6000) || status >= 500) return VendorException.http(KlingModule.VENDOR, Kind.OUTAGE, status, detail, retryAfter, null);
        if (code >= 1200 && code < 1300 || status == 400) {
            Optional<String> field = field(message);
            boolean model = field.map("model_name"::equals).orElse(false) || message.toLowerCase(Locale.ROOT).contains("model");
            return model
                    ? VendorException.http(KlingModule.VENDOR, Kind.MODEL_UNAVAILABLE, status, detail, null, "model_name")
                    : VendorException.http(KlingModule.VENDOR, Kind.INVALID_REQUEST, status, detail, null, field.orElse(null));
        }
        if (status == 403) return VendorException.badKey(KlingModule.VENDOR, status, keySetting);
        if (status == 404) return VendorException.http(KlingModule.VENDOR, Kind.JOB_FAILED, status, "not found: " + detail, null, null);
        return VendorException.http(KlingModule.VENDOR, status == 429 ? Kind.RATE_LIMITED : Kind.INVALID_REQUEST, status, detail, retryAfter, null);
    }

    /**
     * A task that ended {@code failed}. Kling puts the reason in {@code task_status_msg} only, so a moderation refusal
     * is recognised by its words (e.g. "Content moderation review failed", "risk control"); anything else is a failed job.
     */
    static VendorException taskFailure(String taskId, String statusMessage) {
        String text = statusMessage == null || statusMessage.isBlank() ? "no reason given" : statusMessage;
        Kind kind = REFUSAL.matcher(text).find() ? Kind.CONTENT_POLICY : Kind.JOB_FAILED;
        return VendorException.of(KlingModule.VENDOR, kind, "task " + taskId + " failed: " + text);
    }

    private static Optional<String> field(String message) {
        for (String field : FIELDS) {
            if (Pattern.compile("(?<![A-Za-z0-9_])" + field + "(?![A-Za-z0-9_])").matcher(message).find()) return Optional.of(field);
        }
        return Optional.empty();
    }
}
