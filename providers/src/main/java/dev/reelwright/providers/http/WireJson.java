package dev.reelwright.providers.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.reelwright.core.error.VendorException;
import java.io.IOException;

/**
 * Reads a vendor's JSON into wire records: snake_case like the APIs, and unknown fields ignored, because vendors add
 * fields to their responses without notice (core's mapper rejects unknown keys, which is right for user files only).
 */
public final class WireJson {
    private static final ObjectMapper READER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WireJson() {}

    /** The body as {@code type}; a body that does not parse is the vendor's bad output. */
    public static <T> T read(String vendor, byte[] body, Class<T> type, String what) {
        try {
            T value = READER.readValue(body, type);
            if (value == null) throw new IOException("empty body");
            return value;
        } catch (IOException e) {
            throw VendorException.wrap(vendor, VendorException.Kind.BAD_OUTPUT, "the " + what + " answer is not the documented JSON ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
