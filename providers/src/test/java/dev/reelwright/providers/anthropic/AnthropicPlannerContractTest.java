package dev.reelwright.providers.anthropic;

import static dev.reelwright.providers.anthropic.AnthropicFixture.error;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The planner's Messages API contract: forced tool use, exact request and headers, stop reasons, errors and retries. */
class AnthropicPlannerContractTest {
    static final Script SCRIPT = HarbourScript.SCRIPT;
    static final ProductionSpec SPEC = ProductionSpec.DEFAULTS;

    static final String STORYBOARD = HarbourScript.storyboard("crane_up", "hopeful", "pan_left", "joyful");

    private final AnthropicFixture fake = new AnthropicFixture();
    private final AnthropicPlanner planner = (AnthropicPlanner) new AnthropicModule()
            .planner(AnthropicFixture.entry("anthropic/claude-sonnet-4-6"), fake.context()).orElseThrow();

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void forcesTheStoryboardToolAndReadsItsInput() throws Exception {
        fake.server.on("POST", "/v1/messages", AnthropicFixture.message(STORYBOARD, "tool_use"));

        AnthropicPlanner.Planned planned = planner.planned(SCRIPT, SPEC);

        FakeServer.Recorded sent = fake.server.requests("POST", "/v1/messages").getFirst();
        assertThat(sent.header("x-api-key")).isEqualTo(AnthropicFixture.KEY);
        assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.header("content-type")).isEqualTo("application/json");
        assertThat(sent.header("authorization")).isNull();
        JsonNode body = sent.json();
        assertThat(body.properties()).extracting(Map.Entry::getKey)
                .containsExactly("model", "max_tokens", "system", "messages", "tools", "tool_choice");
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-6");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(AnthropicPlanner.maxTokens(PlannerSchema.userMessage(SCRIPT))).isBetween(2048, 16384);
        assertThat(body.path("system").asText()).isEqualTo(PlannerSchema.instructions(SPEC));
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo(PlannerSchema.userMessage(SCRIPT));
        assertThat(body.path("tools")).hasSize(1);
        JsonNode tool = body.path("tools").get(0);
        assertThat(tool.properties()).extracting(Map.Entry::getKey).containsExactly("name", "description", "input_schema");
        assertThat(tool.path("name").asText()).isEqualTo(PlannerSchema.NAME);
        assertThat(tool.path("description").asText()).isNotBlank();
        assertThat(tool.path("input_schema")).isEqualTo(Json.json().valueToTree(PlannerSchema.schema()));
        assertThat(body.path("tool_choice")).isEqualTo(Json.json().readTree("{\"type\":\"tool\",\"name\":\"storyboard\"}"));

        assertThat(planned.storyboard().scenes()).hasSize(2);
        assertThat(planned.storyboard().scenes().getFirst().camera()).isEqualTo(CameraMove.CRANE_UP);
        assertThat(planned.storyboard().scenes().getFirst().mood()).isEqualTo(Mood.HOPEFUL);
        assertThat(planned.storyboard().scenes().getFirst().seconds()).isEqualTo(7.5);
        assertThat(planned.charge().vendor()).isEqualTo("anthropic");
        assertThat(planned.charge().model()).isEqualTo("claude-sonnet-4-6");
        assertThat(planned.charge().usd()).isCloseTo(1450 * 3.00 / 1e6 + 380 * 15.00 / 1e6, offset(1e-12));
        assertThat(planned.charge().estimated()).isTrue();
    }

    @Test
    void theCatalogPicksTheModelSent() {
        fake.server.on("POST", "/v1/messages", AnthropicFixture.message(STORYBOARD, "tool_use"));
        new AnthropicModule().planner(AnthropicFixture.entry("anthropic/claude-haiku-4-5"), fake.context()).orElseThrow().plan(SCRIPT, SPEC);
        assertThat(fake.server.requests().getFirst().json().path("model").asText()).isEqualTo("claude-haiku-4-5");
    }

    @Test
    void aPlannerThatRewritesTheNarrationIsBadOutput() {
        fake.server.on("POST", "/v1/messages", AnthropicFixture.message(STORYBOARD.replace("the catch is on ice", "the fish lie on ice"), "tool_use"));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT);
            assertThat(e.getMessage()).contains("rewrote the narration");
        });
    }

    @Test
    void aTruncatedToolInputIsBadOutput() {
        fake.server.on("POST", "/v1/messages", AnthropicFixture.message("{\"title\":\"The Harbour\",\"scenes\":[]}", "max_tokens"));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT);
            assertThat(e.getMessage()).contains("max_tokens");
        });
        assertThat(fake.server.requests()).hasSize(1);
    }

    @Test
    void aRefusalIsContentPolicyAndIsNotRetried() {
        fake.server.on("POST", "/v1/messages", FakeServer.Answer.json(200, """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[],
                 "stop_reason":"refusal","stop_sequence":null,"usage":{"input_tokens":1450,"output_tokens":0}}"""));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.CONTENT_POLICY);
            assertThat(e.retriable()).isFalse();
        });
        assertThat(fake.server.requests()).hasSize(1);
    }

    @Test
    void anAnswerWithoutTheToolCallIsBadOutput() {
        fake.server.on("POST", "/v1/messages", FakeServer.Answer.json(200, """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-6",
                 "content":[{"type":"text","text":"Here is a storyboard..."}],"stop_reason":"end_turn","usage":{"input_tokens":10,"output_tokens":5}}"""));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT);
            assertThat(e.getMessage()).contains("did not call the storyboard tool");
        });
    }

    @Test
    void aRateLimitWaitsRetryAfterThenSucceeds() {
        fake.server.on("POST", "/v1/messages",
                error(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit").withHeader("retry-after", "12"),
                AnthropicFixture.message(STORYBOARD, "tool_use"));

        assertThat(planner.plan(SCRIPT, SPEC).scenes()).hasSize(2);
        assertThat(fake.time.sleeps).containsExactly(Duration.ofSeconds(12));
        assertThat(fake.server.requests()).hasSize(2);
    }

    @Test
    void anOverloadedServerIsRetriedThenSucceeds() {
        fake.server.on("POST", "/v1/messages", error(529, "overloaded_error", "Overloaded"), AnthropicFixture.message(STORYBOARD, "tool_use"));

        assertThat(planner.plan(SCRIPT, SPEC).scenes()).hasSize(2);
        assertThat(fake.server.requests()).hasSize(2);
        assertThat(fake.time.sleeps).hasSize(1);
    }

    @Test
    void aBadKeyNamesTheVariableAndNeverTheKey() {
        fake.server.on("POST", "/v1/messages", error(401, "authentication_error", "invalid x-api-key"));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
            assertThat(e.getMessage()).contains("ANTHROPIC_API_KEY").doesNotContain(AnthropicFixture.KEY).doesNotContain("sk-ant");
        });
        assertThat(fake.server.requests()).hasSize(1);
    }

    @Test
    void anUnknownModelIsModelUnavailable() {
        fake.server.on("POST", "/v1/messages", error(404, "not_found_error", "model: claude-sonnet-4-6"));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.MODEL_UNAVAILABLE);
            assertThat(e.parameter()).contains("model");
        });
    }

    @Test
    void anEmptyCreditBalanceIsAnExhaustedQuota() {
        fake.server.on("POST", "/v1/messages", error(400, "invalid_request_error",
                "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."));

        assertThatThrownBy(() -> planner.plan(SCRIPT, SPEC)).isInstanceOfSatisfying(VendorException.class, e ->
                assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXHAUSTED));
        assertThat(fake.server.requests()).hasSize(1);
    }
}
