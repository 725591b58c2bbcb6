package dev.reelwright.providers.fal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.http.HttpReply;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every status and error shape fal documents, mapped in the one place that maps them. */
class FalErrorsTest {
    private static final String KEY = FalFake.KEY;

    private static HttpReply reply(int status, String body, String... headers) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (int i = 0; i < headers.length; i += 2) map.put(headers[i], List.of(headers[i + 1]));
        return new HttpReply(status, HttpHeaders.of(map, (a, b) -> true), FalFake.json(body).getBytes(StandardCharsets.UTF_8));
    }

    private static VendorException map(HttpReply reply, FalErrors.Call call) {
        return FalErrors.from(reply, call, "fal-ai/flux/dev", "FAL_KEY", KEY, Clock.systemUTC());
    }

    @Test
    void authenticationAndPermission() {
        VendorException unauthorized = map(reply(401, "{'detail':'Invalid key " + KEY + "'}"), FalErrors.Call.SUBMIT);
        assertThat(unauthorized.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(unauthorized.getMessage()).contains("FAL_KEY").doesNotContain(KEY);
        assertThat(map(reply(403, "{'detail':'Not allowed to access this app'}"), FalErrors.Call.SUBMIT).kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(map(reply(403, "{'detail':'User is locked. Reason: Exhausted balance.'}"), FalErrors.Call.SUBMIT).kind())
                .isEqualTo(Kind.QUOTA_EXHAUSTED);
        assertThat(map(reply(402, "{'detail':'Payment required'}"), FalErrors.Call.SUBMIT).kind()).isEqualTo(Kind.QUOTA_EXHAUSTED);
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        VendorException limited = map(reply(429, "{'detail':'Too many concurrent requests'}", "Retry-After", "12"), FalErrors.Call.SUBMIT);
        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(12));
        assertThat(map(reply(429, "{}"), FalErrors.Call.STATUS).retryAfter()).isEmpty();
    }

    @Test
    void validationErrorsNameTheParameterFromLoc() {
        VendorException nested = map(reply(422, "{'detail':[{'loc':['body','voice_setting','voice_id'],'msg':'Unknown voice','type':'value_error'}]}"),
                FalErrors.Call.SUBMIT);
        assertThat(nested.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(nested.parameter()).contains("voice_setting.voice_id");
        assertThat(nested.getMessage()).contains("Unknown voice");

        VendorException plain = map(reply(422, "{'detail':'Prompt too long'}"), FalErrors.Call.SUBMIT);
        assertThat(plain.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(plain.parameter()).isEmpty();
        assertThat(plain.getMessage()).contains("Prompt too long");

        assertThat(map(reply(422, "{'detail':[{'loc':['body'],'msg':'Bad input','type':'value_error'}]}"), FalErrors.Call.SUBMIT).parameter()).isEmpty();
        assertThat(map(reply(400, "{'detail':'Invalid timeout header','error_type':'bad_request'}"), FalErrors.Call.SUBMIT).kind())
                .isEqualTo(Kind.INVALID_REQUEST);
    }

    @Test
    void contentPolicyIsNeverRetriableEvenIfFalSaysRetryable() {
        VendorException policy = map(reply(422,
                "{'detail':[{'loc':['body','prompt'],'msg':'flagged','type':'content_policy_violation','url':'u'}]}", "X-Fal-Retryable", "true"),
                FalErrors.Call.SUBMIT);
        assertThat(policy.kind()).isEqualTo(Kind.CONTENT_POLICY);
        assertThat(policy.retriable()).isFalse();
        assertThat(policy.parameter()).contains("prompt");
    }

    @Test
    void infrastructureErrorsAreOutagesUnlessFalSaysARetryCannotHelp() {
        VendorException timeout = map(reply(504, "{'detail':'Request timed out','error_type':'request_timeout'}", "X-Fal-Error-Type", "request_timeout"),
                FalErrors.Call.STATUS);
        assertThat(timeout.kind()).isEqualTo(Kind.OUTAGE);
        assertThat(timeout.getMessage()).contains("request_timeout");
        assertThat(map(reply(503, "<html>unavailable</html>"), FalErrors.Call.SUBMIT).kind()).isEqualTo(Kind.OUTAGE);
        assertThat(map(reply(500, "{'detail':'boom'}", "X-Fal-Retryable", "false"), FalErrors.Call.SUBMIT).kind()).isEqualTo(Kind.JOB_FAILED);
        assertThat(map(reply(422, "{'detail':[{'loc':['body'],'msg':'Generation failed, try again','type':'generation_failed'}]}",
                "X-Fal-Retryable", "true"), FalErrors.Call.SUBMIT).kind()).isEqualTo(Kind.OUTAGE);
        assertThat(map(reply(499, "{'detail':'Client cancelled','error_type':'client_cancelled'}"), FalErrors.Call.RESULT).kind())
                .isEqualTo(Kind.JOB_FAILED);
    }

    @Test
    void notFoundDependsOnTheCall() {
        assertThat(map(reply(404, "{'detail':'Application not found'}"), FalErrors.Call.SUBMIT).kind()).isEqualTo(Kind.MODEL_UNAVAILABLE);
        assertThat(map(reply(404, "{'detail':'Request not found'}"), FalErrors.Call.STATUS).kind()).isEqualTo(Kind.JOB_FAILED);
    }

    @Test
    void aFailedJobKeepsContentPolicyAndTurnsOutagesIntoJobFailures() {
        VendorException policy = FalErrors.failedJob("r1", reply(422, "{'detail':[{'loc':['body','image_url'],'msg':'m','type':'content_policy_violation'}]}"),
                "flagged", "content_policy_violation", "FAL_KEY", KEY, Clock.systemUTC());
        assertThat(policy.kind()).isEqualTo(Kind.CONTENT_POLICY);

        VendorException crashed = FalErrors.failedJob("r1", reply(503, "{'detail':'Runner disconnected','error_type':'runner_disconnected'}"),
                "Runner disconnected", "runner_disconnected", "FAL_KEY", KEY, Clock.systemUTC());
        assertThat(crashed.kind()).isEqualTo(Kind.JOB_FAILED);
        assertThat(crashed.retriable()).isFalse();
        assertThat(crashed.getMessage()).contains("r1").contains("runner_disconnected");

        VendorException invalid = FalErrors.failedJob("r1", reply(422, "{'detail':[{'loc':['body','image_url'],'msg':'too small','type':'image_too_small'}]}"),
                "too small", null, "FAL_KEY", KEY, Clock.systemUTC());
        assertThat(invalid.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(invalid.parameter()).contains("image_url");

        assertThat(FalErrors.failedJob("r1", reply(200, "{}"), "odd", null, "FAL_KEY", KEY, Clock.systemUTC()).kind()).isEqualTo(Kind.JOB_FAILED);
    }

    @Test
    void theKeyIsScrubbedFromEveryMessage() {
        VendorException echoed = map(reply(422, "{'detail':'bad header Authorization: Key " + KEY + "'}"), FalErrors.Call.SUBMIT);
        assertThat(echoed.getMessage()).doesNotContain(KEY).doesNotContain("fal-key-secret-0002").contains("***");
    }
}
