package dev.reelwright.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.ReelwrightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * One place that configures JSON and YAML: snake_case keys in every file a person reads or edits,
 * unknown keys rejected, and parse errors turned into one line with file, line and column.
 */
public final class Json {
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Json() {}

    public static ObjectMapper json() {
        return JSON;
    }

    public static ObjectMapper yaml() {
        return YAML;
    }

    /** Reads a JSON file into a type; bad input becomes an {@link InputException} naming file, line and column. */
    public static <T> T readJson(Path file, Class<T> type) {
        return read(JSON, file, type);
    }

    public static <T> T readYaml(Path file, Class<T> type) {
        return read(YAML, file, type);
    }

    private static <T> T read(ObjectMapper mapper, Path file, Class<T> type) {
        try {
            String text = Files.readString(file);
            if (text.isBlank()) throw InputException.in(file, "the file is empty");
            T value;
            try {
                value = mapper.readValue(text, type);
            } catch (UnrecognizedPropertyException e) {
                throw describe(file, e, keyLine(text, e.getPropertyName(), e.getLocation()));
            } catch (JsonMappingException e) {
                // A bad value inside an object is reported where the object ends; point at its key instead.
                String key = e.getPath().isEmpty() ? null : e.getPath().getLast().getFieldName();
                throw describe(file, e, keyLine(text, key, e.getLocation()));
            }
            if (value == null) throw InputException.in(file, "the file holds no " + type.getSimpleName());
            return value;
        } catch (NoSuchFileException e) {
            throw InputException.in(file, "no such file");
        } catch (JsonProcessingException e) {
            throw describe(file, e, e.getLocation());
        } catch (IOException e) {
            throw InputException.in(file, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Where an unknown key really stands: the parser reports where it had read to, which in YAML can be a line
     * later, so look for the key itself on or before that line.
     */
    private static JsonLocation keyLine(String text, String key, JsonLocation reported) {
        if (reported == null || key == null) return reported;
        String[] lines = text.split("\n", -1);
        var pattern = java.util.regex.Pattern.compile("^(\\s*-?\\s*)[\"']?" + java.util.regex.Pattern.quote(key) + "[\"']?\\s*:");
        for (int line = Math.min(reported.getLineNr(), lines.length); line >= 1; line--) {
            var matcher = pattern.matcher(lines[line - 1]);
            if (matcher.find()) return new JsonLocation(reported.contentReference(), -1, line, matcher.end(1) + 1);
        }
        return reported;
    }

    private static InputException describe(Path file, JsonProcessingException e, JsonLocation where) {
        String what;
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            what = "unknown key '" + unknown.getPropertyName() + "'" + (known.isEmpty() ? "" : " (known keys: " + known + ")");
        } else if (e instanceof JsonMappingException mapping) {
            Throwable root = mapping;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String reason = root instanceof IllegalArgumentException || root instanceof NullPointerException
                    ? root.getMessage() : mapping.getOriginalMessage();
            what = (path.isEmpty() ? "" : "'" + path + "': ") + firstLine(reason);
        } else {
            what = firstLine(e.getOriginalMessage());
        }
        if (where == null || where.getLineNr() < 1) return InputException.in(file, what);
        return InputException.at(file, where.getLineNr(), where.getColumnNr(), what);
    }

    private static String firstLine(String text) {
        if (text == null) return "invalid content";
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Writes a value as JSON, atomically: a reader never sees half a file. */
    public static void write(Path file, Object value) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(value) + "\n");
        } catch (JsonProcessingException e) {
            throw new ReelwrightException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
