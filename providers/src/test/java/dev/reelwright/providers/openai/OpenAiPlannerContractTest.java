package dev.reelwright.providers.openai;

import static dev.reelwright.providers.openai.OpenAiFixture.error;
import static dev.reelwright.providers.openai.OpenAiFixture.json;
import static dev.reelwright.providers.openai.OpenAiFixture.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.Mood;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.script.Script;
import dev.reelwright.providers.remote.PlannerSchema;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.HarbourScript;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The planner's Chat Completions contract: exact request, structured answer, refusals, truncation and retries. */
class OpenAiPlannerContractTest {
    static final Script SCRIPT = HarbourScript.SCRIPT;
    static final ProductionSpec SPEC = ProductionSpec.DEFAULTS;

    static final String STORYBOARD = HarbourScript.storyboard("dolly_in", "calm", "pan_right", "joyful");

    private final OpenAiFixture fake = new OpenAiFixture();
    private final OpenAiPlanner planner = (OpenAiPlanner) new OpenAiModule().planner(OpenAiFixture.entry("openai/gpt-4o"), fake.context()).orElseThrow();

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void sendsTheSchemaAsAStrictResponseFormatAndReadsTheStoryboard() {
        fake.server.on("POST", "/v1/chat/completions", OpenAiFixture.completion(STORYBOARD, null, "stop"));

        OpenAiPlanner.Planned planned = planner.planned(SCRIPT, SPEC);

        FakeServer.Recorded sent = fake.server.requests("POST", "/v1/chat/completions").getFirst();
        assertThat(sent.header("authorization")).isEqualTo("Bearer " + OpenAiFixture.KEY);
        assertThat(sent.header("content-type")).isEqualTo("application/json");
        JsonNode body = sent.json();
        assertThat(body.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("model", "messages", "response_format");
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(body.path("messages")).hasSize(2);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo(PlannerSchema.instructions(SPEC));
        assertThat(body.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo(PlannerSchema.userMessage(SCRIPT));
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo(PlannerSchema.NAME);
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("schema")).isEqualTo(Json.json().valueToTree(PlannerSchema.schema()));

        assertThat(planned.storyboard().scenes()).hasSize(2);
        assertThat(planned.storyboard().scenes().getFirst().camera()).isEqualTo(CameraMove.DOLLY_IN);
        assertThat(planned.storyboard().scenes().get(1).mood()).isEqualTo(Mood.JOYFUL);
        assertThat(planned.storyboard().scenes().get(1).visual()).startsWith("A covered fish market");
        assertThat(planned.storyboard().title()).isEqualTo("The Harbour");
        assertThat(planned.charge().vendor()).isEqualTo("openai");
        assertThat(planned.charge().model()).isEqualTo("gpt-4o");
        assertThat(planned.charge().usd()).isCloseTo(1200 * 2.50 / 1e6 + 300 * 10.00 / 1e6, offset(1e-12));
        assertThat(planned.charge().estimated()).isTrue();
        assertThat(planner.plan(SCRIPT, SPEC).scenes()).hasSize(2);
    }

    @Test
    void aPlannerThatRewritesTheNarrationIsBadOutput() {
        fake.server.on("POST", "/v1/chat/completions", OpenAiFixture.completion(STORYBOARD.replace("Gulls argue over what falls.", "Seagulls squabble over scraps."),
                null, "stop"));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT);
            assertThat(e.getMessage()).contains("rewrote the narration");
        });
    }

    @Test
    void aRefusalIsContentPolicyAndIsNotRetried() {
        fake.server.on("POST", "/v1/chat/completions", OpenAiFixture.completion(null, "I'm sorry, I can't help with that.", "stop"));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.CONTENT_POLICY);
            assertThat(e.getMessage()).contains("I can't help with that");
        });
        assertThat(fake.server.requests()).hasSize(1);
    }

    @Test
    void aTruncatedAnswerIsBadOutput() {
        fake.server.on("POST", "/v1/chat/completions", OpenAiFixture.completion(STORYBOARD.substring(0, 200), null, "length"));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT);
            assertThat(e.getMessage()).contains("length");
        });
    }

    @Test
    void aContentFilterStopIsContentPolicy() {
        fake.server.on("POST", "/v1/chat/completions", OpenAiFixture.completion(null, null, "content_filter"));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e ->
                assertThat(e.kind()).isEqualTo(Kind.CONTENT_POLICY));
    }

    @Test
    void aRateLimitWaitsTheVendorsRetryAfterThenSucceeds() {
        fake.server.on("POST", "/v1/chat/completions",
                error(429, "Rate limit reached for gpt-4o on tokens per min (TPM)", "tokens", null, "rate_limit_exceeded").withHeader("retry-after-ms", "1750"),
                OpenAiFixture.completion(STORYBOARD, null, "stop"));

        assertThat(planner.plan(SCRIPT, SPEC).scenes()).hasSize(2);
        assertThat(fake.time.sleeps).containsExactly(Duration.ofMillis(1750));
        assertThat(fake.server.requests()).hasSize(2);
    }

    @Test
    void outagesAreRetriedAFewTimesThenReported() {
        fake.server.on("POST", "/v1/chat/completions", error(500, "The server had an error while processing your request.", "server_error", null, null));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e ->
                assertThat(e.kind()).isEqualTo(Kind.OUTAGE));
        assertThat(fake.server.requests()).hasSize(3);
        assertThat(fake.time.sleeps).hasSize(2);
    }

    @Test
    void xShouldRetryFalseStopsRetries() {
        fake.server.on("POST", "/v1/chat/completions", error(500, "The server had an error.", "server_error", null, null).withHeader("x-should-retry", "false"));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.retriable()).isFalse());
        assertThat(fake.server.requests()).hasSize(1);
    }

    @Test
    void anInvalidParameterIsNamed() {
        fake.server.on("POST", "/v1/chat/completions", error(400, "Invalid schema for response_format 'storyboard': 'additionalProperties' is required",
                "invalid_request_error", "response_format", null));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
            assertThat(e.parameter()).contains("response_format");
        });
        assertThat(fake.server.requests()).hasSize(1);
    }

    @Test
    void anUnknownModelIsModelUnavailable() {
        fake.server.on("POST", "/v1/chat/completions", error(404, "The model `gpt-4o` does not exist or you do not have access to it.",
                "invalid_request_error", null, "model_not_found"));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.MODEL_UNAVAILABLE);
            assertThat(e.parameter()).contains("model");
        });
    }
}
