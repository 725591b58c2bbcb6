package dev.reelwright.providers.google.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** The body of Vertex AI's {@code POST …/models/{model}:fetchPredictOperation}. */
public record FetchPredictOperationRequest(@JsonProperty("operationName") String operationName) {
    public FetchPredictOperationRequest {
        Objects.requireNonNull(operationName, "operationName");
    }
}
