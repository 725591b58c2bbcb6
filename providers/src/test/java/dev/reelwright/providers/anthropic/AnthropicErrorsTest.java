package dev.reelwright.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.http.HttpReply;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error type Anthropic documents, mapped in one place. */
class AnthropicErrorsTest {
    private final AnthropicErrors errors = new AnthropicErrors("ANTHROPIC_API_KEY", Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC));

    private static HttpReply reply(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> map = new HashMap<>();
        headers.forEach((k, v) -> map.put(k, List.of(v)));
        return new HttpReply(status, HttpHeaders.of(map, (a, b) -> true), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"},\"request_id\":\"req_1\"}";
    }

    @ParameterizedTest
    @CsvSource({
            "400, invalid_request_error, INVALID_REQUEST",
            "401, authentication_error, AUTHENTICATION",
            "402, billing_error, QUOTA_EXHAUSTED",
            "403, permission_error, AUTHENTICATION",
            "404, not_found_error, MODEL_UNAVAILABLE",
            "413, request_too_large, INVALID_REQUEST",
            "429, rate_limit_error, RATE_LIMITED",
            "500, api_error, OUTAGE",
            "504, timeout_error, OUTAGE",
            "529, overloaded_error, OUTAGE"})
    void mapsEachErrorType(int status, String type, Kind kind) {
        VendorException e = errors.map(reply(status, body(type, "something"), Map.of()), null);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(status);
    }

    @Test
    void withoutAnthropicsBodyTheStatusDecides() {
        assertThat(errors.map(reply(503, "upstream connect error", Map.of()), null).kind()).isEqualTo(Kind.OUTAGE);
        assertThat(errors.map(reply(429, "", Map.of()), null).kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(errors.map(reply(404, "", Map.of()), null).kind()).isEqualTo(Kind.MODEL_UNAVAILABLE);
    }

    @Test
    void namesTheParameterAnInvalidRequestComplainsAbout() {
        VendorException e = errors.map(reply(400, body("invalid_request_error", "max_tokens: Field required"), Map.of()), null);
        assertThat(e.parameter()).contains("max_tokens");
        assertThat(errors.map(reply(400, body("invalid_request_error", "messages.0.content: Input should be a valid list"), Map.of()), null)
                .parameter()).contains("messages.0.content");
    }

    @Test
    void waitsRetryAfterElseTheExhaustedLimitsReset() {
        assertThat(errors.map(reply(429, body("rate_limit_error", "slow down"), Map.of("retry-after", "20")), null).retryAfter())
                .contains(Duration.ofSeconds(20));
        assertThat(errors.map(reply(429, body("rate_limit_error", "slow down"), Map.of(
                "anthropic-ratelimit-requests-remaining", "12", "anthropic-ratelimit-requests-reset", "2026-11-25T09:00:02Z",
                "anthropic-ratelimit-tokens-remaining", "0", "anthropic-ratelimit-tokens-reset", "2026-11-25T09:00:45Z")), null).retryAfter())
                .contains(Duration.ofSeconds(45));
    }

    @Test
    void xShouldRetryOverridesTheType() {
        assertThat(errors.map(reply(529, body("overloaded_error", "Overloaded"), Map.of("x-should-retry", "false")), null).retriable()).isFalse();
        assertThat(errors.map(reply(409, body("invalid_request_error", "conflict"), Map.of("x-should-retry", "true")), null).kind()).isEqualTo(Kind.OUTAGE);
    }

    @Test
    void neverQuotesAKey() {
        String key = "sk-ant-api03-secretsecret";
        VendorException e = errors.map(reply(400, body("invalid_request_error", "bad key " + key), Map.of()), key);
        assertThat(e.getMessage()).doesNotContain(key).doesNotContain("secretsecret");
    }
}
