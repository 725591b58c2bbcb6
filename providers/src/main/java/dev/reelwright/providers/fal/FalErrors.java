package dev.reelwright.providers.fal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one place where fal's answers become {@link VendorException}s (PROVIDERS.md §1 "Errors"; fal docs
 * "Model Errors" and "Request Errors"):
 * <ul>
 *   <li>model errors, typically 422: {@code {"detail":[{"loc":["body","prompt"],"msg","type",...}]}} ({@code detail}
 *       may be a plain string); {@code type: "content_policy_violation"} is a content-policy refusal, never retried;
 *       any other is an invalid parameter, named from {@code loc};</li>
 *   <li>request (infrastructure) errors: {@code {"detail","error_type"}} plus header {@code X-Fal-Error-Type}, 5xx
 *       (outage; fal documents that 5xx answers are not billed) or 499 (cancelled);</li>
 *   <li>header {@code X-Fal-Retryable: true|false} overrides whether retrying the same request may help;</li>
 *   <li>401 bad key, 403 no permission (3P: 403 "User is locked. Reason: Exhausted balance" = out of credit), 429
 *       rate limited (Retry-After honoured where present; fal does not document one).</li>
 * </ul>
 * Messages quote fal's detail but never the key.
 */
final class FalErrors {
    /** Which call answered: a 404 means a different thing to a submit than to a status request. */
    enum Call { SUBMIT, STATUS, RESULT, CANCEL, UPLOAD, CHECK }

    static final String CONTENT_POLICY = "content_policy_violation";

    private FalErrors() {}

    /**
     * Maps a non-2xx answer.
     *
     * @param keyVariable the variable that holds the key, named in authentication errors
     * @param secret      the key's value, scrubbed from every message (null when unknown)
     */
    static VendorException from(HttpReply reply, Call call, String target, String keyVariable, String secret, Clock clock) {
        int status = reply.status();
        JsonNode body = reply.json();
        Detail detail = Detail.of(reply, body);
        String text = scrub(detail.text(), secret);
        String where = describe(call, target);
        if (status == 401) return VendorException.badKey(FalClient.VENDOR, status, keyVariable);
        if (status == 402 || (status == 403 && detail.mentionsBalance())) {
            return VendorException.http(FalClient.VENDOR, Kind.QUOTA_EXHAUSTED, status, where + text, null, null);
        }
        if (status == 403) return VendorException.badKey(FalClient.VENDOR, status, keyVariable);
        if (detail.contentPolicy()) {
            return VendorException.http(FalClient.VENDOR, Kind.CONTENT_POLICY, status, where + text, null, detail.parameter());
        }
        if (status == 429) {
            Duration wait = RetryAfter.from(reply.headers(), clock).orElse(null);
            return VendorException.http(FalClient.VENDOR, Kind.RATE_LIMITED, status, where + "too many requests" + suffix(text), wait, null);
        }
        if (status == 404) {
            return switch (call) {
                case SUBMIT -> VendorException.http(FalClient.VENDOR, Kind.MODEL_UNAVAILABLE, status,
                        "fal has no endpoint '" + target + "'" + suffix(text), null, null);
                case UPLOAD -> VendorException.http(FalClient.VENDOR, Kind.OUTAGE, status, where + "the storage service was not found" + suffix(text), null, null);
                case CHECK -> VendorException.http(FalClient.VENDOR, Kind.INVALID_REQUEST, status,
                        "fal's platform API is not at this address; check " + FalClient.PLATFORM_URL_VARIABLE + " or base_url" + suffix(text), null, null);
                case STATUS, RESULT, CANCEL -> VendorException.http(FalClient.VENDOR, Kind.JOB_FAILED, status,
                        where + "fal does not know this request" + suffix(text), null, null);
            };
        }
        String retryable = reply.header("X-Fal-Retryable").map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("");
        if (retryable.equals("true")) {
            return VendorException.http(FalClient.VENDOR, Kind.OUTAGE, status, where + text + " (fal says a retry may succeed)", null, detail.parameter());
        }
        if (status >= 500) {
            Kind kind = retryable.equals("false") ? Kind.JOB_FAILED : Kind.OUTAGE;
            return VendorException.http(FalClient.VENDOR, kind, status, where + text, null, null);
        }
        if (status == 499) return VendorException.http(FalClient.VENDOR, Kind.JOB_FAILED, status, where + "the request was cancelled" + suffix(text), null, null);
        return VendorException.http(FalClient.VENDOR, Kind.INVALID_REQUEST, status, where + text, null, detail.parameter());
    }

    /**
     * A request that ended {@code COMPLETED} with an error. {@code resultReply} is what the result GET answered (it
     * carries the error status), or null when it could not be read. The job is over, so a transient-looking error
     * (an outage after fal's own ≤10 retries) becomes {@link Kind#JOB_FAILED}; content policy and invalid input keep
     * their kind so the message says what to change.
     */
    static VendorException failedJob(String requestId, HttpReply resultReply, String error, String errorType, String keyVariable,
                                     String secret, Clock clock) {
        String reported = scrub((error == null ? "failed" : error) + (errorType == null ? "" : " [" + errorType + "]"), secret);
        if (CONTENT_POLICY.equals(errorType)) {
            return VendorException.of(FalClient.VENDOR, Kind.CONTENT_POLICY, "request " + requestId + ": " + reported);
        }
        if (resultReply != null && !resultReply.ok()) {
            VendorException mapped = from(resultReply, Call.RESULT, requestId, keyVariable, secret, clock);
            return switch (mapped.kind()) {
                case CONTENT_POLICY, INVALID_REQUEST, AUTHENTICATION, QUOTA_EXHAUSTED, MODEL_UNAVAILABLE -> mapped;
                case RATE_LIMITED, OUTAGE, JOB_FAILED, TIMED_OUT, BAD_OUTPUT, STATUS_UNKNOWN -> VendorException.http(FalClient.VENDOR,
                        Kind.JOB_FAILED, resultReply.status(), "request " + requestId + " failed: " + reported, null, null);
            };
        }
        return VendorException.of(FalClient.VENDOR, Kind.JOB_FAILED, "request " + requestId + " failed: " + reported);
    }

    /** Flux answered, but its safety checker flagged the image ({@code has_nsfw_concepts[0]}; the picture is blacked out). */
    static VendorException flaggedImage() {
        return VendorException.of(FalClient.VENDOR, Kind.CONTENT_POLICY, "fal's safety checker flagged the generated image (has_nsfw_concepts)");
    }

    /** The pre-signed PUT of an upload went to a storage host, not to fal's API: its refusals say nothing about the key. */
    static VendorException uploadPut(HttpReply reply) {
        int status = reply.status();
        Kind kind = status >= 500 || status == 408 || status == 429 ? Kind.OUTAGE : Kind.JOB_FAILED;
        return VendorException.http(FalClient.VENDOR, kind, status, "the fal CDN refused the upload", null, null);
    }

    static String scrub(String text, String secret) {
        if (text == null) return "";
        if (secret == null || secret.isBlank()) return text;
        String scrubbed = text.replace(secret, "***");
        int colon = secret.indexOf(':');
        if (colon > 0) { // key_id:key_secret — hide each half too
            scrubbed = scrubbed.replace(secret.substring(colon + 1), "***");
        }
        return scrubbed;
    }

    private static String describe(Call call, String target) {
        return switch (call) {
            case SUBMIT -> "submitting to " + target + ": ";
            case STATUS -> "status of request " + target + ": ";
            case RESULT -> "result of request " + target + ": ";
            case CANCEL -> "cancelling request " + target + ": ";
            case UPLOAD -> "uploading " + target + ": ";
            case CHECK -> "";
        };
    }

    private static String suffix(String text) {
        return text.isBlank() ? "" : " (" + text + ")";
    }

    /** What fal said, read from either error shape. */
    private record Detail(String text, String parameter, boolean contentPolicy, boolean mentionsBalance) {
        static Detail of(HttpReply reply, JsonNode body) {
            JsonNode detail = body.path("detail");
            List<String> parts = new ArrayList<>();
            String parameter = null;
            boolean policy = CONTENT_POLICY.equals(body.path("error_type").asText(""))
                    || CONTENT_POLICY.equals(reply.header("X-Fal-Error-Type").orElse(""));
            if (detail.isArray()) {
                for (JsonNode item : detail) {
                    String type = item.path("type").asText("");
                    String msg = item.path("msg").asText(type);
                    String at = location(item.path("loc"));
                    if (CONTENT_POLICY.equals(type)) policy = true;
                    if (parameter == null && at != null) parameter = at;
                    parts.add(msg + (type.isBlank() || msg.equals(type) ? "" : " [" + type + "]"));
                }
            } else if (detail.isTextual()) {
                parts.add(detail.asText());
            } else if (body.path("message").isTextual()) {
                parts.add(body.path("message").asText());
            }
            String errorType = body.path("error_type").isTextual() ? body.path("error_type").asText()
                    : reply.header("X-Fal-Error-Type").orElse("");
            String text = parts.isEmpty() ? reply.excerpt() : String.join("; ", parts);
            if (!errorType.isBlank() && !text.contains(errorType)) text = text + " [" + errorType + "]";
            String lower = text.toLowerCase(Locale.ROOT);
            boolean balance = lower.contains("exhausted balance") || lower.contains("top up") || lower.contains("insufficient balance");
            return new Detail(text.length() > 400 ? text.substring(0, 400) + "…" : text, parameter, policy, balance);
        }

        /** {@code ["body","voice_setting","voice_id"]} -> {@code voice_setting.voice_id}; {@code ["body"]} alone names nothing. */
        private static String location(JsonNode loc) {
            if (!loc.isArray() || loc.isEmpty()) return null;
            List<String> names = new ArrayList<>();
            for (int i = 0; i < loc.size(); i++) {
                String name = loc.get(i).asText("");
                if (i == 0 && (name.equals("body") || name.equals("query") || name.equals("header"))) continue;
                names.add(name);
            }
            return names.isEmpty() ? null : String.join(".", names);
        }
    }
}
