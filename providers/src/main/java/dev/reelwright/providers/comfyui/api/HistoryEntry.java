package dev.reelwright.providers.comfyui.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One prompt's entry in {@code GET /history/{prompt_id}} (PROVIDERS.md §5): {@code status.status_str}
 * (success|error), {@code outputs} per node (files under {@code images}, {@code gifs} or {@code videos}), and the
 * execution {@code messages} ({@code [event, data]} pairs; since 2025 each data carries a ms {@code timestamp}).
 */
public record HistoryEntry(String statusStr, boolean completed, List<OutputFile> files, List<Message> messages) {
    public HistoryEntry {
        files = List.copyOf(files);
        messages = List.copyOf(messages);
    }

    public record Message(String event, JsonNode data) {}

    public static HistoryEntry from(JsonNode entry) {
        List<OutputFile> files = new ArrayList<>();
        entry.path("outputs").forEach(node -> {
            for (String key : List.of("videos", "gifs", "images")) {
                for (JsonNode file : node.path(key)) {
                    if (file.path("filename").isTextual()) {
                        files.add(new OutputFile(file.path("filename").asText(), file.path("subfolder").asText(""), file.path("type").asText("output")));
                    }
                }
            }
        });
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : entry.path("status").path("messages")) {
            if (message.isArray() && message.size() >= 2) messages.add(new Message(message.get(0).asText(""), message.get(1)));
        }
        JsonNode status = entry.path("status");
        return new HistoryEntry(status.path("status_str").asText(""), status.path("completed").asBoolean(false), files, messages);
    }

    public boolean failed() {
        return statusStr.equals("error");
    }

    public boolean interrupted() {
        return messages.stream().anyMatch(m -> m.event().equals("execution_interrupted"));
    }

    public Optional<JsonNode> message(String event) {
        return messages.stream().filter(m -> m.event().equals(event)).map(Message::data).findFirst();
    }

    /** Seconds between {@code execution_start} and the end message, from ComfyUI's own timestamps; empty when absent. */
    public Optional<Double> executionSeconds() {
        Optional<Long> start = message("execution_start").map(d -> d.path("timestamp")).filter(JsonNode::isNumber).map(JsonNode::asLong);
        Optional<Long> end = messages.stream()
                .filter(m -> m.event().equals("execution_success") || m.event().equals("execution_error") || m.event().equals("execution_interrupted"))
                .map(m -> m.data().path("timestamp")).filter(JsonNode::isNumber).map(JsonNode::asLong).findFirst();
        if (start.isEmpty() || end.isEmpty() || end.get() < start.get()) return Optional.empty();
        return Optional.of((end.get() - start.get()) / 1000.0);
    }
}
