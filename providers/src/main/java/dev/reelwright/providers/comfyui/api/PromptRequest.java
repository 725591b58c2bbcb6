package dev.reelwright.providers.comfyui.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * {@code POST /prompt} body: {@code {"prompt": <API-format graph>, "client_id", "prompt_id"}} (PROVIDERS.md §5).
 * ComfyUI honours a {@code prompt_id} the caller chooses (server.py {@code post_prompt}); it does not check for
 * duplicates, so Reelwright checks {@code /history} and {@code /queue} itself before sending one.
 */
public record PromptRequest(JsonNode prompt, String clientId, String promptId) {
    public PromptRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(promptId, "promptId");
    }
}
