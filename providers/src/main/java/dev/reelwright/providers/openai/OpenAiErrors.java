package dev.reelwright.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.RetryAfter;
import dev.reelwright.providers.openai.api.ErrorBody;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that turns OpenAI's answers into {@link VendorException}s: HTTP status, the error envelope
 * {@code {"error":{"message","type","param","code"}}}, the retry headers ({@code retry-after-ms}, {@code Retry-After},
 * {@code x-ratelimit-reset-*}, {@code x-should-retry}) and a video job's failure code.
 */
public final class OpenAiErrors {
    static final String VENDOR = "openai";
    private static final Pattern KEYISH = Pattern.compile("sk-[A-Za-z0-9_*\\-]{4,}");
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private final String keyVariable;
    private final Clock clock;

    public OpenAiErrors(String keyVariable, Clock clock) {
        this.keyVariable = keyVariable;
        this.clock = clock;
    }

    /** The error a non-2xx reply stands for. {@code key} (may be null) is scrubbed from anything quoted back. */
    public VendorException map(HttpReply reply, String key) {
        int status = reply.status();
        ErrorBody.Detail error = detail(reply);
        String type = lower(error == null ? null : error.type());
        String code = lower(error == null ? null : error.code());
        String param = error == null ? null : error.param();
        String message = describe(reply, error, key);

        if (status == 401 || "invalid_api_key".equals(code)) return VendorException.badKey(VENDOR, status, keyVariable);
        Kind kind;
        String detail = message;
        if (isContentPolicy(code) || isContentPolicy(type)) {
            // OpenAI documents no moderation code list; "moderation"/"content_policy" in code or type is our reading (unconfirmed).
            kind = Kind.CONTENT_POLICY;
        } else if (status == 429 || status == 402) {
            kind = "insufficient_quota".equals(code) || "insufficient_quota".equals(type) || status == 402 ? Kind.QUOTA_EXHAUSTED : Kind.RATE_LIMITED;
        } else if (status == 403) {
            kind = Kind.AUTHENTICATION;
            detail = message + "; the key in " + keyVariable + " may not be allowed to use this model or region";
        } else if (status == 404) {
            kind = Kind.MODEL_UNAVAILABLE;
            if (param == null && message.toLowerCase(Locale.ROOT).contains("model")) param = "model";
        } else if (status == 408 || status == 409 || status >= 500) {
            kind = Kind.OUTAGE; // the SDK retries 408, 409 and 5xx
        } else {
            kind = Kind.INVALID_REQUEST;
        }

        // x-should-retry is the server's own verdict, and the SDK lets it override the status.
        Optional<String> shouldRetry = reply.header("x-should-retry").map(v -> v.strip().toLowerCase(Locale.ROOT));
        if (shouldRetry.equals(Optional.of("false")) && kind.retriable()) {
            if (kind == Kind.RATE_LIMITED) {
                kind = Kind.QUOTA_EXHAUSTED;
                detail = message + " (the server says waiting will not help: x-should-retry: false)";
            } else {
                kind = Kind.JOB_FAILED;
                detail = message + " (the server asked not to retry: x-should-retry: false)";
            }
        } else if (shouldRetry.equals(Optional.of("true")) && !kind.retriable()
                && kind != Kind.AUTHENTICATION && kind != Kind.CONTENT_POLICY && kind != Kind.QUOTA_EXHAUSTED) {
            kind = Kind.OUTAGE;
            detail = message + " (the server says a retry may succeed: x-should-retry: true)";
        }
        Duration wait = kind.retriable() ? retryAfter(reply).orElse(null) : null;
        return VendorException.http(VENDOR, kind, status, detail, wait, kind == Kind.INVALID_REQUEST || kind == Kind.MODEL_UNAVAILABLE ? param : null);
    }

    /** A failed video job: a moderation code means the prompt or image was refused; anything else is a failed job. */
    public VendorException jobFailed(String jobId, String code, String message) {
        String detail = "video " + jobId + " failed: " + (message == null || message.isBlank() ? "no reason given" : scrub(message, null))
                + (code == null ? "" : " (" + code + ")");
        return VendorException.of(VENDOR, isContentPolicy(lower(code)) ? Kind.CONTENT_POLICY : Kind.JOB_FAILED, detail);
    }

    /**
     * How long to wait: {@code retry-after-ms}/{@code Retry-After} first; failing those, the reset time of whichever
     * rate limit is used up ({@code x-ratelimit-reset-requests}/{@code -tokens}, Go durations such as {@code 6m0s}).
     */
    Optional<Duration> retryAfter(HttpReply reply) {
        Optional<Duration> asked = RetryAfter.from(reply.headers(), clock);
        if (asked.isPresent()) return asked;
        for (String limit : new String[] {"requests", "tokens"}) {
            if (reply.header("x-ratelimit-remaining-" + limit).map(String::strip).filter("0"::equals).isPresent()) {
                Optional<Duration> reset = reply.header("x-ratelimit-reset-" + limit).flatMap(OpenAiErrors::goDuration);
                if (reset.isPresent()) return reset;
            }
        }
        return Optional.empty();
    }

    /** Parses {@code 1h2m3.5s}, {@code 6m0s}, {@code 12ms}. */
    static Optional<Duration> goDuration(String text) {
        Matcher m = GO_DURATION.matcher(text.strip());
        long millis = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) return Optional.empty();
            double value = Double.parseDouble(m.group(1));
            millis += Math.round(value * switch (m.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                case "s" -> 1000;
                default -> 1;
            });
            end = m.end();
        }
        return end > 0 && end == text.strip().length() ? Optional.of(Duration.ofMillis(millis)) : Optional.empty();
    }

    private static boolean isContentPolicy(String text) {
        return text != null && (text.contains("moderation") || text.contains("content_policy") || text.contains("content-policy"));
    }

    private static ErrorBody.Detail detail(HttpReply reply) {
        JsonNode node = reply.json().path("error");
        if (!node.isObject()) return null;
        return new ErrorBody.Detail(text(node, "message"), text(node, "type"), text(node, "param"), text(node, "code"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String describe(HttpReply reply, ErrorBody.Detail error, String key) {
        String text;
        if (error != null && error.message() != null && !error.message().isBlank()) {
            text = error.message().strip() + (error.type() == null ? "" : " (" + error.type() + (error.code() == null ? "" : ", " + error.code()) + ")");
        } else {
            text = reply.body().length == 0 ? "no error body" : reply.excerpt();
        }
        return scrub(text, key);
    }

    /** Removes anything that looks like a key, and the key itself, from text quoted back to the user. */
    static String scrub(String text, String key) {
        String out = text;
        if (key != null && !key.isEmpty()) out = out.replace(key, "<key>");
        return KEYISH.matcher(out).replaceAll("sk-…");
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
