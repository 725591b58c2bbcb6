package dev.reelwright.providers.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.http.HttpReply;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that turns a ComfyUI server's answers into {@link VendorException}s (PROVIDERS.md §5). A local
 * server takes no key, so there is no AUTHENTICATION, RATE_LIMITED or QUOTA here.
 *
 * <table>
 * <caption>ComfyUI answers</caption>
 * <tr><th>Answer</th><th>Kind</th></tr>
 * <tr><td>400 from {@code /prompt}, {@code node_errors} with {@code value_not_in_list} for a model file</td>
 *     <td>MODEL_UNAVAILABLE naming the file, node and input</td></tr>
 * <tr><td>400 with other {@code node_errors} (value out of range, missing input, ...)</td><td>INVALID_REQUEST naming node and input</td></tr>
 * <tr><td>400 {@code invalid_prompt} (e.g. a node class the server lacks), {@code prompt_no_outputs}, ...</td><td>INVALID_REQUEST</td></tr>
 * <tr><td>400 from {@code /upload/image}</td><td>INVALID_REQUEST (parameter image)</td></tr>
 * <tr><td>404</td><td>INVALID_REQUEST: the base URL is not a ComfyUI server</td></tr>
 * <tr><td>5xx (a 500 carries {@code exception_during_validation})</td><td>OUTAGE</td></tr>
 * <tr><td>history {@code status_str: error} with an {@code execution_error} message</td><td>JOB_FAILED naming the node and exception</td></tr>
 * </table>
 */
final class ComfyUIErrors {
    /** Loader inputs that name a model file. */
    private static final Set<String> MODEL_INPUTS = Set.of("unet_name", "ckpt_name", "clip_name", "clip_name1", "clip_name2", "vae_name",
            "lora_name", "model_name", "control_net_name", "upscale_model_name");
    private static final Pattern MODEL_FILE = Pattern.compile(".*\\.(safetensors|sft|ckpt|pt|pth|bin|gguf)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RECEIVED = Pattern.compile("'([^']+)' not in");

    private ComfyUIErrors() {}

    static VendorException from(HttpReply reply, String what) {
        int status = reply.status();
        JsonNode json = reply.json();
        if (status == 400 && json.path("node_errors").isObject() && !json.path("node_errors").isEmpty()) return nodeError(status, json.path("node_errors"));
        String detail = describe(json, reply);
        if (status == 404) {
            return VendorException.http(ComfyUIModule.VENDOR, Kind.INVALID_REQUEST, status,
                    what + " not found: is the base URL a ComfyUI server? (" + detail + ")", null, null);
        }
        if (status >= 500) return VendorException.http(ComfyUIModule.VENDOR, Kind.OUTAGE, status, what + " failed: " + detail, null, null);
        return VendorException.http(ComfyUIModule.VENDOR, Kind.INVALID_REQUEST, status, what + " refused: " + detail, null,
                what.contains("upload") ? "image" : null);
    }

    /** The first node error, the way a person fixes it: which node, which input, what value. */
    private static VendorException nodeError(int status, JsonNode nodeErrors) {
        Iterator<Map.Entry<String, JsonNode>> nodes = nodeErrors.fields();
        Map.Entry<String, JsonNode> node = nodes.next();
        String nodeId = node.getKey();
        String classType = node.getValue().path("class_type").asText("?");
        JsonNode error = node.getValue().path("errors").path(0);
        String type = error.path("type").asText("");
        String input = error.path("extra_info").path("input_name").asText("");
        String details = error.path("details").asText("");
        String message = error.path("message").asText(type);
        String where = "node " + nodeId + " (" + classType + ")" + (input.isEmpty() ? "" : " input " + input);
        int more = nodeErrors.size() - 1;
        String others = more > 0 ? " (and " + more + " more node" + (more > 1 ? "s" : "") + " with errors)" : "";
        if (type.equals("value_not_in_list")) {
            String value = error.path("extra_info").path("received_value").asText("");
            if (value.isEmpty()) {
                Matcher matcher = RECEIVED.matcher(details);
                if (matcher.find()) value = matcher.group(1);
            }
            if (MODEL_INPUTS.contains(input) || MODEL_FILE.matcher(value).matches()) {
                return VendorException.http(ComfyUIModule.VENDOR, Kind.MODEL_UNAVAILABLE, status, "the model file '" + value
                        + "' is not installed on the ComfyUI server (" + where + "); put it in ComfyUI's models folder or change the"
                        + " catalog entry's model" + others, null, input.isEmpty() ? null : input);
            }
        }
        return VendorException.http(ComfyUIModule.VENDOR, Kind.INVALID_REQUEST, status, where + ": " + message
                + (details.isEmpty() ? "" : " — " + details) + others, null, input.isEmpty() ? null : nodeId + "." + input);
    }

    /** A run that ended {@code status_str: error}: the {@code execution_error} message names node and exception. */
    static VendorException executionError(String promptId, JsonNode error) {
        if (error == null || error.isMissingNode()) {
            return VendorException.of(ComfyUIModule.VENDOR, Kind.JOB_FAILED, "prompt " + promptId + " ended with an error (no details in the history)");
        }
        String text = "prompt " + promptId + " failed in node " + error.path("node_id").asText("?") + " (" + error.path("node_type").asText("?") + "): "
                + error.path("exception_type").asText("error") + ": " + error.path("exception_message").asText("").strip();
        if (text.toLowerCase(Locale.ROOT).contains("out of memory")) text += " — the GPU ran out of memory; lower the size or length in the workflow";
        return VendorException.of(ComfyUIModule.VENDOR, Kind.JOB_FAILED, text);
    }

    private static String describe(JsonNode json, HttpReply reply) {
        JsonNode error = json.path("error");
        if (error.isObject()) {
            String text = error.path("type").asText("") + ": " + error.path("message").asText("");
            String details = error.path("details").asText("");
            return details.isEmpty() ? text : text + " — " + details;
        }
        if (error.isTextual()) return error.asText();
        return reply.excerpt().isEmpty() ? "(no body)" : reply.excerpt();
    }
}
