package dev.reelwright.providers.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ComfyUI graph Reelwright queues, in API format ({@code {"<node id>": {"class_type", "inputs"}}}), with
 * placeholders Reelwright fills per clip:
 *
 * <table>
 * <caption>Placeholders</caption>
 * <tr><th>Placeholder</th><th>Filled with</th></tr>
 * <tr><td>{@code {{image}}}</td><td>the uploaded keyframe's name ({@code LoadImage.image}); required</td></tr>
 * <tr><td>{@code {{prompt}}}</td><td>the scene prompt plus the camera move in words (Wan has no camera controls)</td></tr>
 * <tr><td>{@code {{negative_prompt}}}</td><td>{@value #NEGATIVE_PROMPT}</td></tr>
 * <tr><td>{@code {{seed}}}</td><td>the scene's seed (a number)</td></tr>
 * <tr><td>{@code {{width}}}, {@code {{height}}}</td><td>the frame shape at the catalog entry's first resolution, multiples of 16</td></tr>
 * <tr><td>{@code {{length}}}</td><td>frames, 4n+1 (Wan's rule), covering the clip at {@code {{fps}}}</td></tr>
 * <tr><td>{@code {{fps}}}</td><td>{@value #WAN_FPS}, the rate Wan 2.1 generates at</td></tr>
 * <tr><td>{@code {{model}}}</td><td>the catalog entry's {@code model}: the diffusion model file name</td></tr>
 * </table>
 * A value that is exactly one numeric placeholder becomes a JSON number; placeholders inside text are replaced in the
 * text. The bundled graph ({@code wan21-i2v-api.json}) is the typical Wan 2.1 image-to-video graph of PROVIDERS.md §5,
 * saving an MP4 through {@code CreateVideo} + {@code SaveVideo}. Its text encoder, VAE and CLIP-vision file names are
 * the usual public ones; a server with other files, other nodes (e.g. {@code VHS_VideoCombine}) or a newer
 * {@code SaveVideo} whose format/codec inputs changed shape uses its own graph: export it from ComfyUI with
 * "Save (API)", put the placeholders in, and point the environment variable {@value #WORKFLOW_VARIABLE} at the file
 * (production.yaml cannot carry it yet).
 */
final class ComfyUIWorkflow {
    static final String WORKFLOW_VARIABLE = "COMFYUI_WORKFLOW";
    static final String BUNDLED = "/dev/reelwright/providers/comfyui/wan21-i2v-api.json";
    static final int WAN_FPS = 16;
    static final String NEGATIVE_PROMPT = "blurry, low quality, distorted, deformed, jittery, flicker, watermark, text, static frame";
    private static final Set<String> NUMERIC = Set.of("seed", "width", "height", "length", "fps");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final ObjectNode template;
    private final String source;

    private ComfyUIWorkflow(ObjectNode template, String source) {
        this.template = template;
        this.source = source;
    }

    /** The user's graph from {@value #WORKFLOW_VARIABLE} when set, else the bundled one. */
    static ComfyUIWorkflow load(java.util.Optional<String> userFile) {
        if (userFile.isPresent()) return fromFile(Path.of(userFile.get()));
        try (InputStream in = ComfyUIWorkflow.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new ReelwrightException("the bundled ComfyUI workflow is missing from the jar");
            return of(Json.json().readTree(in), "the bundled Wan 2.1 workflow");
        } catch (IOException e) {
            throw new ReelwrightException("the bundled ComfyUI workflow is damaged: " + e.getMessage(), e);
        }
    }

    static ComfyUIWorkflow fromFile(Path file) {
        JsonNode json;
        try {
            json = Json.json().readTree(Files.readString(file));
        } catch (IOException e) {
            throw InputException.in(file, "cannot read the ComfyUI workflow (" + WORKFLOW_VARIABLE + "): " + e.getMessage());
        }
        try {
            return of(json, file.toString());
        } catch (IllegalArgumentException e) {
            throw InputException.in(file, e.getMessage());
        }
    }

    static ComfyUIWorkflow of(JsonNode json, String source) {
        if (!(json instanceof ObjectNode graph) || graph.isEmpty()) {
            throw new IllegalArgumentException("a ComfyUI workflow in API format is an object of nodes (export it with \"Save (API)\")");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = graph.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> node = it.next();
            if (!node.getValue().path("class_type").isTextual()) {
                throw new IllegalArgumentException("node '" + node.getKey() + "' has no class_type: this is not an API-format workflow (export it with \"Save (API)\")");
            }
        }
        Set<String> used = placeholders(graph);
        if (!used.contains("image")) throw new IllegalArgumentException("the workflow has no {{image}} placeholder, so the keyframe would be ignored");
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(Set.of("image", "prompt", "negative_prompt", "seed", "width", "height", "length", "fps", "model"));
        if (!unknown.isEmpty()) throw new IllegalArgumentException("unknown placeholders " + unknown);
        return new ComfyUIWorkflow(graph, source);
    }

    String source() {
        return source;
    }

    /** A copy of the graph with every placeholder filled. */
    ObjectNode fill(Map<String, Object> values) {
        ObjectNode graph = template.deepCopy();
        replace(graph, values);
        return graph;
    }

    static Map<String, Object> values(String image, String prompt, long seed, int width, int height, int length, String model) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("image", image);
        values.put("prompt", prompt);
        values.put("negative_prompt", NEGATIVE_PROMPT);
        values.put("seed", seed);
        values.put("width", width);
        values.put("height", height);
        values.put("length", length);
        values.put("fps", WAN_FPS);
        values.put("model", model);
        return values;
    }

    /** Wan's frame count rule: 4n+1, the nearest covering {@code seconds} at {@value #WAN_FPS} fps (at least 5). */
    static int length(int seconds) {
        int n = Math.max(1, Math.round(seconds * WAN_FPS / 4f));
        return 4 * n + 1;
    }

    private static void replace(JsonNode node, Map<String, Object> values) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode child = field.getValue();
                if (child.isTextual()) field.setValue(filled(child.asText(), values));
                else replace(child, values);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual()) array.set(i, filled(child.asText(), values));
                else replace(child, values);
            }
        }
    }

    private static JsonNode filled(String text, Map<String, Object> values) {
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches() && NUMERIC.contains(whole.group(1))) {
            long number = ((Number) values.get(whole.group(1))).longValue();
            return number == (int) number ? JsonNodeFactory.instance.numberNode((int) number) : JsonNodeFactory.instance.numberNode(number);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : String.valueOf(value)));
        }
        matcher.appendTail(out);
        return TextNode.valueOf(out.toString());
    }

    private static Set<String> placeholders(JsonNode node) {
        Set<String> found = new TreeSet<>();
        if (node.isTextual()) {
            Matcher matcher = PLACEHOLDER.matcher(node.asText());
            while (matcher.find()) found.add(matcher.group(1));
        }
        node.forEach(child -> found.addAll(placeholders(child)));
        return found;
    }
}
