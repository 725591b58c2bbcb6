package dev.reelwright.providers.openai;

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

/** Every status and error code OpenAI documents, mapped in one place. */
class OpenAiErrorsTest {
    private final OpenAiErrors errors = new OpenAiErrors("OPENAI_API_KEY", Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC));

    private static HttpReply reply(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> map = new HashMap<>();
        headers.forEach((k, v) -> map.put(k, List.of(v)));
        return new HttpReply(status, HttpHeaders.of(map, (a, b) -> true), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(String type, String param, String code) {
        return "{\"error\":{\"message\":\"something\",\"type\":" + OpenAiFixture.quote(type) + ",\"param\":" + OpenAiFixture.quote(param)
                + ",\"code\":" + OpenAiFixture.quote(code) + "}}";
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "400, invalid_request_error, size, null, INVALID_REQUEST",
            "400, invalid_request_error, null, moderation_blocked, CONTENT_POLICY",
            "400, invalid_request_error, null, content_policy_violation, CONTENT_POLICY",
            "401, invalid_request_error, null, invalid_api_key, AUTHENTICATION",
            "403, invalid_request_error, null, unsupported_country_region_territory, AUTHENTICATION",
            "404, invalid_request_error, null, model_not_found, MODEL_UNAVAILABLE",
            "408, null, null, null, OUTAGE",
            "409, null, null, null, OUTAGE",
            "413, invalid_request_error, null, null, INVALID_REQUEST",
            "422, invalid_request_error, null, null, INVALID_REQUEST",
            "429, requests, null, rate_limit_exceeded, RATE_LIMITED",
            "429, insufficient_quota, null, insufficient_quota, QUOTA_EXHAUSTED",
            "500, server_error, null, null, OUTAGE",
            "502, null, null, null, OUTAGE",
            "503, server_error, null, null, OUTAGE"})
    void mapsStatusAndCode(int status, String type, String param, String code, Kind kind) {
        VendorException e = errors.map(reply(status, body(type, param, code), Map.of()), null);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(status);
        if (param != null) assertThat(e.parameter()).contains(param);
    }

    @Test
    void aProxyPageIsStillMappedByStatus() {
        VendorException e = errors.map(reply(502, "<html><body>Bad Gateway</body></html>", Map.of()), null);
        assertThat(e.kind()).isEqualTo(Kind.OUTAGE);
        assertThat(e.getMessage()).contains("Bad Gateway");
    }

    @Test
    void waitsRetryAfterMsThenRetryAfterThenTheExhaustedLimitsReset() {
        assertThat(errors.map(reply(429, body("requests", null, "rate_limit_exceeded"), Map.of("retry-after-ms", "250", "retry-after", "9")), null)
                .retryAfter()).contains(Duration.ofMillis(250));
        assertThat(errors.map(reply(429, body("requests", null, "rate_limit_exceeded"), Map.of("retry-after", "9")), null)
                .retryAfter()).contains(Duration.ofSeconds(9));
        assertThat(errors.map(reply(429, body("tokens", null, "rate_limit_exceeded"), Map.of(
                "x-ratelimit-remaining-requests", "42", "x-ratelimit-reset-requests", "120ms",
                "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "6m0s")), null).retryAfter()).contains(Duration.ofMinutes(6));
        assertThat(errors.map(reply(429, body("insufficient_quota", null, "insufficient_quota"), Map.of("retry-after", "9")), null)
                .retryAfter()).isEmpty();
    }

    @Test
    void parsesGoDurations() {
        assertThat(OpenAiErrors.goDuration("12ms")).contains(Duration.ofMillis(12));
        assertThat(OpenAiErrors.goDuration("1h2m3.5s")).contains(Duration.ofMillis(3_723_500));
        assertThat(OpenAiErrors.goDuration("soon")).isEmpty();
    }

    @Test
    void xShouldRetryOverridesTheStatus() {
        assertThat(errors.map(reply(503, body("server_error", null, null), Map.of("x-should-retry", "false")), null).retriable()).isFalse();
        assertThat(errors.map(reply(429, body("requests", null, "rate_limit_exceeded"), Map.of("x-should-retry", "false")), null).kind())
                .isEqualTo(Kind.QUOTA_EXHAUSTED);
        assertThat(errors.map(reply(400, body("invalid_request_error", null, null), Map.of("x-should-retry", "true")), null).kind())
                .isEqualTo(Kind.OUTAGE);
        assertThat(errors.map(reply(401, body("invalid_request_error", null, "invalid_api_key"), Map.of("x-should-retry", "true")), null).kind())
                .isEqualTo(Kind.AUTHENTICATION);
    }

    @Test
    void neverQuotesAKey() {
        String key = "sk-proj-AbCdEf0123456789";
        VendorException e = errors.map(reply(400, "{\"error\":{\"message\":\"key " + key + " and sk-abc***wxyz are odd\",\"type\":\"invalid_request_error\","
                + "\"param\":null,\"code\":null}}", Map.of()), key);
        assertThat(e.getMessage()).doesNotContain(key).doesNotContain("sk-abc***wxyz");
    }

    @Test
    void aFailedJobsModerationCodeIsContentPolicy() {
        assertThat(errors.jobFailed("video_1", "moderation_blocked", "blocked").kind()).isEqualTo(Kind.CONTENT_POLICY);
        assertThat(errors.jobFailed("video_1", "internal_error", null).kind()).isEqualTo(Kind.JOB_FAILED);
        assertThat(errors.jobFailed("video_1", null, null).getMessage()).contains("video_1");
    }
}
