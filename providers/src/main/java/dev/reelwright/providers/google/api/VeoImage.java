package dev.reelwright.providers.google.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** An inline image in a Veo instance ({@code instances[0].image}): base64 bytes and their MIME type. Both APIs take this form. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VeoImage(
        @JsonProperty("bytesBase64Encoded") String bytesBase64Encoded,
        @JsonProperty("mimeType") String mimeType) {
    public VeoImage {
        Objects.requireNonNull(bytesBase64Encoded, "bytesBase64Encoded");
        Objects.requireNonNull(mimeType, "mimeType");
    }
}
