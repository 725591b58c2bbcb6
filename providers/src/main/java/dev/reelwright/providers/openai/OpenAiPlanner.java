package dev.reelwright.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.json.Json;
import dev.reelwright.providers.openai.api.ChatApi;
import dev.reelwright.providers.remote.LlmPlanner;
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
public final class OpenAiPlanner extends LlmPlanner {
    private final OpenAiClient client;

    public OpenAiPlanner(ModelEntry model, OpenAiClient client) {
        super(OpenAiErrors.VENDOR, model);
        this.client = client;
    }

    @Override
    protected Answer ask(String instructions, String user) {
        ChatApi.Request request = new ChatApi.Request(model.model(),
                List.of(new ChatApi.Message("system", instructions), new ChatApi.Message("user", user)),
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
        ChatApi.Usage usage = completion.usage();
        // Prices come from the catalog (estimated), counts from the answer; a compatible server without usage gets ~4 chars/token.
        return new Answer(answer, () -> usage != null ? Pricing.tokens(model, usage.promptTokens(), usage.completionTokens())
                : Pricing.tokens(model, request.messages().stream().mapToLong(m -> m.content().length()).sum() / 4, content.length() / 4));
    }
}
