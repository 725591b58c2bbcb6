package dev.reelwright.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.providers.anthropic.api.MessagesApi;
import dev.reelwright.providers.remote.LlmPlanner;
import dev.reelwright.providers.remote.PlannerSchema;
import dev.reelwright.providers.remote.Pricing;
import java.util.List;

/**
 * Script -> storyboard with forced tool use: one tool named {@link PlannerSchema#NAME} whose {@code input_schema} is
 * the storyboard schema, {@code tool_choice} forcing it, and the storyboard read from the {@code tool_use} block's
 * {@code input}. {@code stop_reason: refusal} is a content-policy error; {@code max_tokens} (a truncated input), a
 * missing tool call or a storyboard that changed the narration is bad output.
 */
public final class AnthropicPlanner extends LlmPlanner {
    static final String TOOL_DESCRIPTION = "Record the storyboard: the script split into scenes, each with its verbatim narration, "
            + "one concrete visual description, one camera move, one mood and its length in seconds.";
    private static final int MIN_TOKENS = 2048;
    private static final int MAX_TOKENS = 16384;

    private final AnthropicClient client;

    public AnthropicPlanner(ModelEntry model, AnthropicClient client) {
        super(AnthropicErrors.VENDOR, model);
        this.client = client;
    }

    @Override
    protected Answer ask(String instructions, String user) {
        MessagesApi.Request request = new MessagesApi.Request(model.model(), maxTokens(user), instructions,
                List.of(new MessagesApi.Message("user", user)),
                List.of(new MessagesApi.Tool(PlannerSchema.NAME, TOOL_DESCRIPTION, PlannerSchema.schema())),
                MessagesApi.ToolChoice.force(PlannerSchema.NAME));
        MessagesApi.Response response = client.messages(request);
        String stop = response.stopReason() == null ? "" : response.stopReason();
        if (stop.equals("refusal")) {
            throw VendorException.of(AnthropicErrors.VENDOR, Kind.CONTENT_POLICY, "the planner refused the script (stop_reason: refusal)");
        }
        if (stop.equals("max_tokens") || stop.equals("model_context_window_exceeded")) {
            throw VendorException.of(AnthropicErrors.VENDOR, Kind.BAD_OUTPUT, "the planner's storyboard was cut off (stop_reason: " + stop + ")");
        }
        JsonNode input = response.content().stream()
                .filter(block -> "tool_use".equals(block.type()) && PlannerSchema.NAME.equals(block.name()))
                .map(MessagesApi.Block::input).filter(node -> node != null && node.isObject()).findFirst()
                .orElseThrow(() -> VendorException.of(AnthropicErrors.VENDOR, Kind.BAD_OUTPUT,
                        "the planner did not call the " + PlannerSchema.NAME + " tool (stop_reason: " + (stop.isEmpty() ? "none" : stop) + ")"));
        return new Answer(input, () -> charge(response, request, input));
    }

    /** Room for the narration copied verbatim plus a visual per scene: about twice the script's tokens (~3 chars each). */
    static int maxTokens(String userMessage) {
        return Math.clamp(MIN_TOKENS + 2L * userMessage.length() / 3, MIN_TOKENS, MAX_TOKENS);
    }

    /** Catalog prices (an estimate) over the tokens the answer reports; cache tokens count as input (this call sets no cache). */
    private Charge charge(MessagesApi.Response response, MessagesApi.Request request, JsonNode input) {
        MessagesApi.Usage usage = response.usage();
        if (usage == null) {
            long in = (request.system().length() + request.messages().getFirst().content().length()) / 4;
            return Pricing.tokens(model, in, input.toString().length() / 4);
        }
        long in = usage.inputTokens() + zero(usage.cacheCreationInputTokens()) + zero(usage.cacheReadInputTokens());
        return Pricing.tokens(model, in, usage.outputTokens());
    }

    private static long zero(Long value) {
        return value == null ? 0 : value;
    }
}
