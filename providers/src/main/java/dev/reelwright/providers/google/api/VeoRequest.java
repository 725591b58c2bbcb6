package dev.reelwright.providers.google.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of {@code POST …/models/{model}:predictLongRunning} on both Vertex AI and the Gemini API. */
public record VeoRequest(@JsonProperty("instances") List<VeoInstance> instances, @JsonProperty("parameters") VeoParameters parameters) {
    public VeoRequest {
        instances = List.copyOf(instances);
        if (instances.isEmpty()) throw new IllegalArgumentException("a Veo request needs an instance");
    }
}
