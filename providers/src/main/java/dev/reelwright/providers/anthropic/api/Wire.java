package dev.reelwright.providers.anthropic.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.reelwright.core.error.VendorException;
import java.io.IOException;

/**
 * Reads Anthropic's JSON into the wire records: snake_case like the API, and unknown fields ignored, because Anthropic adds
 * fields to its responses without notice (core's mapper rejects unknown keys, which is right for user files only).
 */
public final class Wire {
    private static final ObjectMapper READER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Wire() {}

    /** The body as {@code type}; a body that does not parse is the vendor's bad output. */
    public static <T> T read(byte[] body, Class<T> type, String what) {
        try {
            T value = READER.readValue(body, type);
            if (value == null) throw new IOException("empty body");
            return value;
        } catch (IOException e) {
            throw VendorException.wrap("anthropic", VendorException.Kind.BAD_OUTPUT, "the " + what + " answer is not the documented JSON ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
