package dev.reelwright.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.script.Script;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.ScenePlanner;
import dev.reelwright.providers.openai.api.ChatApi;
import dev.reelwright.providers.remote.PlannerSchema;
import dev.reelwright.providers.remote.Pricing;
import java.io.IOException;
import java.util.List;

/**
 * Script -> storyboard with Chat Completions structured output: {@link PlannerSchema}'s instructions as the system
 * message, the script as the user message, and its schema as a strict {@code json_schema} response format. A refusal
 * or content filter is a content-policy error; a truncated answer ({@code finish_reason: length}) or a storyboard that
 * changed the narration is bad output.
 */
public final class OpenAiPlanner implements ScenePlanner {
    /** A storyboard and what the call cost (the SPI returns only the storyboard). */
    public record Planned(Storyboard storyboard, Charge charge) {}

    private final ModelEntry model;
    private final OpenAiClient client;

    public OpenAiPlanner(ModelEntry model, OpenAiClient client) {
        this.model = model;
        this.client = client;
    }

    @Override
    public String id() {
        return model.id() + "@" + model.model();
    }

    @Override
    public Storyboard plan(Script script, ProductionSpec spec) {
        return planned(script, spec).storyboard();
    }

    public Planned planned(Script script, ProductionSpec spec) {
        ChatApi.Request request = new ChatApi.Request(model.model(),
                List.of(new ChatApi.Message("system", PlannerSchema.instructions(spec)), new ChatApi.Message("user", PlannerSchema.userMessage(script))),
                ChatApi.ResponseFormat.strict(PlannerSchema.NAME, PlannerSchema.schema()));
        ChatApi.Completion completion = client.chat(request);
        if (completion.choices().isEmpty() || completion.choices().getFirst().message() == null) {
            throw VendorException.of(OpenAiErrors.VENDOR, Kind.BAD_OUTPUT, "the planner answered with no message");
        }
        ChatApi.Choice choice = completion.choices().getFirst();
        if (choice.message().refusal() != null && !choice.message().refusal().isBlank()) {
            throw VendorException.of(OpenAiErrors.VENDOR, Kind.CONTENT_POLICY, "the planner refused the script: " + choice.message().refusal().strip());
        }
        if ("content_filter".equals(choice.finishReason())) {
            throw VendorException.of(OpenAiErrors.VENDOR, Kind.CONTENT_POLICY, "the planner's answer was withheld by OpenAI's content filter");
        }
        if ("length".equals(choice.finishReason())) {
            throw VendorException.of(OpenAiErrors.VENDOR, Kind.BAD_OUTPUT, "the planner's answer was cut off at the token limit (finish_reason: length)");
        }
        String content = choice.message().content();
        if (content == null || content.isBlank()) throw VendorException.of(OpenAiErrors.VENDOR, Kind.BAD_OUTPUT, "the planner returned no storyboard");
        JsonNode answer;
        try {
            answer = Json.json().readTree(content);
        } catch (IOException e) {
            throw VendorException.wrap(OpenAiErrors.VENDOR, Kind.BAD_OUTPUT, "the planner's storyboard is not JSON", e);
        }
        Storyboard storyboard = PlannerSchema.toStoryboard(OpenAiErrors.VENDOR, answer, script, spec);
        if (!PlannerSchema.keepsNarration(script, storyboard)) {
            throw VendorException.of(OpenAiErrors.VENDOR, Kind.BAD_OUTPUT, "the planner rewrote the narration");
        }
        ChatApi.Usage usage = completion.usage();
        // Prices come from the catalog (estimated), counts from the answer; a compatible server without usage gets ~4 chars/token.
        Charge charge = usage != null ? Pricing.tokens(model, usage.promptTokens(), usage.completionTokens())
                : Pricing.tokens(model, request.messages().stream().mapToLong(m -> m.content().length()).sum() / 4, content.length() / 4);
        return new Planned(storyboard, charge);
    }
}
