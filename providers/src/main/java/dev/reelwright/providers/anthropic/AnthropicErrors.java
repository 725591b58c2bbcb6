package dev.reelwright.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that turns Anthropic's answers into {@link VendorException}s: the error envelope
 * {@code {"type":"error","error":{"type","message"}}} (its type decides; the HTTP status where the body is not
 * Anthropic's), {@code retry-after} / {@code anthropic-ratelimit-*-reset}, and {@code x-should-retry}.
 */
public final class AnthropicErrors {
    static final String VENDOR = "anthropic";
    /** "messages.0.content: Field required" names the parameter before the colon (our reading of the messages, not documented). */
    private static final Pattern PARAMETER = Pattern.compile("^([a-z_][a-z0-9_]*(?:\\.[a-z0-9_]+)*):\\s");
    private static final Pattern KEYISH = Pattern.compile("sk-ant-[A-Za-z0-9_*\\-]{4,}");

    private final String keyVariable;
    private final Clock clock;

    public AnthropicErrors(String keyVariable, Clock clock) {
        this.keyVariable = keyVariable;
        this.clock = clock;
    }

    public VendorException map(HttpReply reply, String key) {
        int status = reply.status();
        JsonNode error = reply.json().path("error");
        String type = error.isObject() ? error.path("type").asText("") : "";
        String message = error.isObject() && !error.path("message").asText("").isBlank()
                ? error.path("message").asText().strip() + " (" + type + ")"
                : reply.body().length == 0 ? "no error body" : reply.excerpt();
        message = scrub(message, key);
        if (type.equals("authentication_error") || status == 401) return VendorException.badKey(VENDOR, status, keyVariable);

        String parameter = null;
        Kind kind = switch (type) {
            case "permission_error" -> Kind.AUTHENTICATION;
            case "not_found_error" -> Kind.MODEL_UNAVAILABLE;
            case "rate_limit_error" -> Kind.RATE_LIMITED;
            case "billing_error" -> Kind.QUOTA_EXHAUSTED; // HTTP 402 per the SDK's error types; the status is unconfirmed
            case "overloaded_error", "api_error", "timeout_error" -> Kind.OUTAGE;
            case "invalid_request_error", "request_too_large" -> Kind.INVALID_REQUEST;
            default -> byStatus(status);
        };
        if (kind == Kind.INVALID_REQUEST && message.toLowerCase(Locale.ROOT).contains("credit balance is too low")) {
            // An empty prepaid balance answers 400 invalid_request_error "Your credit balance is too low to access the
            // Anthropic API..." (seen in many anthropics/claude-code issues), not billing_error.
            kind = Kind.QUOTA_EXHAUSTED;
        } else if (kind == Kind.INVALID_REQUEST) {
            Matcher m = PARAMETER.matcher(error.path("message").asText(""));
            if (m.find()) parameter = m.group(1);
        } else if (kind == Kind.MODEL_UNAVAILABLE) {
            parameter = "model";
        }
        if (kind == Kind.AUTHENTICATION) message += "; the key in " + keyVariable + " may not be allowed to use this model";

        Optional<String> shouldRetry = reply.header("x-should-retry").map(v -> v.strip().toLowerCase(Locale.ROOT));
        if (shouldRetry.equals(Optional.of("false")) && kind.retriable()) {
            kind = kind == Kind.RATE_LIMITED ? Kind.QUOTA_EXHAUSTED : Kind.JOB_FAILED;
            message += " (the server asked not to retry: x-should-retry: false)";
        } else if (shouldRetry.equals(Optional.of("true")) && !kind.retriable()
                && kind != Kind.AUTHENTICATION && kind != Kind.QUOTA_EXHAUSTED && kind != Kind.CONTENT_POLICY) {
            kind = Kind.OUTAGE;
            message += " (the server says a retry may succeed: x-should-retry: true)";
        }
        Duration wait = kind.retriable() ? retryAfter(reply).orElse(null) : null;
        return VendorException.http(VENDOR, kind, status, message, wait, parameter);
    }

    private static Kind byStatus(int status) {
        if (status == 402) return Kind.QUOTA_EXHAUSTED;
        if (status == 403) return Kind.AUTHENTICATION;
        if (status == 404) return Kind.MODEL_UNAVAILABLE;
        if (status == 429) return Kind.RATE_LIMITED;
        if (status == 408 || status == 409 || status >= 500) return Kind.OUTAGE; // 529 is "overloaded"
        return Kind.INVALID_REQUEST;
    }

    /** {@code retry-after} (seconds), else the reset time (RFC 3339) of whichever rate limit is used up. */
    Optional<Duration> retryAfter(HttpReply reply) {
        Optional<Duration> asked = RetryAfter.from(reply.headers(), clock);
        if (asked.isPresent()) return asked;
        for (String limit : new String[] {"requests", "tokens", "input-tokens", "output-tokens"}) {
            String prefix = "anthropic-ratelimit-" + limit + "-";
            if (reply.header(prefix + "remaining").map(String::strip).filter("0"::equals).isEmpty()) continue;
            Optional<String> reset = reply.header(prefix + "reset");
            if (reset.isEmpty()) continue;
            try {
                Duration wait = Duration.between(clock.instant(), Instant.parse(reset.get().strip()));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait.compareTo(Duration.ofMinutes(10)) > 0 ? Duration.ofMinutes(10) : wait);
            } catch (DateTimeParseException ignored) {
                // not a time: let the backoff decide
            }
        }
        return Optional.empty();
    }

    static String scrub(String text, String key) {
        String out = key == null || key.isEmpty() ? text : text.replace(key, "<key>");
        return KEYISH.matcher(out).replaceAll("sk-ant-…");
    }
}
