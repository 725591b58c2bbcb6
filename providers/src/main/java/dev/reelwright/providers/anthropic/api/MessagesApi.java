package dev.reelwright.providers.anthropic.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The Messages API ({@code POST /v1/messages}) as the planner uses it: one forced tool whose input is the storyboard. */
public final class MessagesApi {
    private MessagesApi() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(String model, int maxTokens, String system, List<Message> messages, List<Tool> tools, ToolChoice toolChoice) {
        public Request {
            messages = List.copyOf(messages);
            tools = tools == null ? null : List.copyOf(tools);
        }
    }

    /** {@code role}: user or assistant; {@code content}: a plain string here. */
    public record Message(String role, String content) {}

    /** A client tool: its {@code input_schema} is the JSON schema its input must follow. */
    public record Tool(String name, String description, Map<String, Object> inputSchema) {}

    /** {@code {"type":"tool","name":...}} forces that tool. */
    public record ToolChoice(String type, String name) {
        public static ToolChoice force(String name) {
            return new ToolChoice("tool", name);
        }
    }

    /**
     * The answer. {@code stop_reason}: end_turn, max_tokens, stop_sequence, tool_use, pause_turn, refusal,
     * model_context_window_exceeded.
     */
    public record Response(String id, String type, String model, List<Block> content, String stopReason, Usage usage) {
        public Response {
            content = content == null ? List.of() : List.copyOf(content);
        }
    }

    /** A content block: {@code text} for text blocks, {@code name} and {@code input} for tool_use blocks. */
    public record Block(String type, String text, String id, String name, JsonNode input) {}

    public record Usage(long inputTokens, long outputTokens, Long cacheCreationInputTokens, Long cacheReadInputTokens) {}
}
