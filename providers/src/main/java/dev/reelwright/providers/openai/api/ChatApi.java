package dev.reelwright.providers.openai.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** Chat Completions ({@code POST /chat/completions}) with a strict JSON-schema response format: the parts Reelwright sends and reads. */
public final class ChatApi {
    private ChatApi() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(String model, List<Message> messages, ResponseFormat responseFormat) {
        public Request {
            messages = List.copyOf(messages);
        }
    }

    public record Message(String role, String content) {}

    /** {@code {"type":"json_schema","json_schema":{...}}}. */
    public record ResponseFormat(String type, JsonSchema jsonSchema) {
        public static ResponseFormat strict(String name, Map<String, Object> schema) {
            return new ResponseFormat("json_schema", new JsonSchema(name, schema, true));
        }
    }

    public record JsonSchema(String name, Map<String, Object> schema, boolean strict) {}

    /** The response: only what the planner reads. */
    public record Completion(String id, String model, List<Choice> choices, Usage usage) {
        public Completion {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    /** {@code finish_reason} is one of stop, length, tool_calls, content_filter, function_call. */
    public record Choice(int index, ReplyMessage message, String finishReason) {}

    /** {@code content} is the JSON text; a safety refusal sets {@code refusal} and leaves content null. */
    public record ReplyMessage(String role, String content, String refusal) {}

    public record Usage(long promptTokens, long completionTokens, long totalTokens) {}
}
