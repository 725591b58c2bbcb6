package dev.reelwright.providers.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.comfyui.api.HistoryEntry;
import dev.reelwright.providers.comfyui.api.OutputFile;
import dev.reelwright.providers.comfyui.api.PromptRequest;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A ComfyUI server's HTTP routes (PROVIDERS.md §5, vendor-specs/comfyui.yaml), un-prefixed as the local server has
 * them. No key: a local server takes none.
 */
public final class ComfyUIClient {
    /** Identifies Reelwright's prompts in the server's queue ({@code client_id}); no WebSocket is opened. */
    static final String CLIENT_ID = "reelwright";

    private final VendorHttp http;
    private final URI base;

    public ComfyUIClient(VendorContext context, URI base) {
        this.http = context.http(ComfyUIModule.VENDOR);
        this.base = base;
    }

    /** What the server called an uploaded image; {@code LoadImage} wants {@code subfolder/name} when there is a subfolder. */
    public record Uploaded(String name, String subfolder, String type) {
        public String loadImageValue() {
            return subfolder == null || subfolder.isBlank() ? name : subfolder + "/" + name;
        }
    }

    /** {@code POST /upload/image} (multipart: {@code image}, {@code type=input}, {@code overwrite=true}); the name may come back changed. */
    public Uploaded upload(byte[] image, String fileName, String contentType) {
        String boundary = "----reelwright" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "type", "input");
        field(body, boundary, "overwrite", "true");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + fileName + "\"\r\nContent-Type: "
                + contentType + "\r\n\r\n");
        body.writeBytes(image);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest.Builder request = http.builder(uri("/upload/image"), Map.of("Content-Type", "multipart/form-data; boundary=" + boundary))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        // Uploading the same bytes under the same name with overwrite is idempotent: a lost reply may be retried.
        HttpReply reply = http.send(request, true);
        if (!reply.ok()) throw ComfyUIErrors.from(reply, "the keyframe upload");
        JsonNode json = reply.json();
        String name = json.path("name").asText("");
        if (name.isBlank()) throw VendorException.of(ComfyUIModule.VENDOR, Kind.BAD_OUTPUT, "the upload answer names no file (" + reply.excerpt() + ")");
        return new Uploaded(name, json.path("subfolder").asText(""), json.path("type").asText("input"));
    }

    /** {@code POST /prompt}; returns the prompt id the server queued (ours, since ComfyUI honours a given one). */
    public String queuePrompt(PromptRequest prompt) {
        HttpReply reply = http.postJson(uri("/prompt"), Map.of(), prompt, false);
        if (!reply.ok()) throw ComfyUIErrors.from(reply, "the workflow");
        JsonNode json = reply.json();
        if (json.path("node_errors").isObject() && !json.path("node_errors").isEmpty()) {
            // Queued, but some output nodes were dropped as invalid (the video saver may be among them): take the
            // half-valid run off the queue rather than let it spend GPU time, then report the node errors.
            String queued = json.path("prompt_id").asText(prompt.promptId());
            try {
                deleteFromQueue(queued);
            } catch (VendorException ignored) {
                // best effort; the error that matters is the node error
            }
            throw ComfyUIErrors.from(new HttpReply(400, reply.headers(), reply.body()), "the workflow");
        }
        return json.path("prompt_id").asText(prompt.promptId());
    }

    /** {@code GET /history/{prompt_id}}: the entry once the prompt finished; empty while queued or running, or unknown. */
    public Optional<HistoryEntry> history(String promptId) {
        HttpReply reply = http.get(uri("/history/" + VendorHttp.encode(promptId)), Map.of());
        if (!reply.ok()) throw ComfyUIErrors.from(reply, "the history");
        JsonNode root = reply.json();
        JsonNode entry = root.path(promptId);
        // The route answers for the one id asked; an entry under another key is still that prompt's.
        if (entry.isMissingNode() && root.isObject() && root.size() == 1) entry = root.elements().next();
        return entry.isObject() ? Optional.of(HistoryEntry.from(entry)) : Optional.empty();
    }

    /** Prompt ids running and pending ({@code GET /queue}; items are {@code [number, prompt_id, prompt, extra_data, outputs]}). */
    public record QueueState(Set<String> running, Set<String> pending) {
        public boolean contains(String id) {
            return running.contains(id) || pending.contains(id);
        }
    }

    public QueueState queue() {
        HttpReply reply = http.get(uri("/queue"), Map.of());
        if (!reply.ok()) throw ComfyUIErrors.from(reply, "the queue");
        JsonNode json = reply.json();
        return new QueueState(ids(json.path("queue_running")), ids(json.path("queue_pending")));
    }

    /** {@code POST /queue {"delete":[id]}}: drops a pending prompt (no effect on a running one). */
    public void deleteFromQueue(String promptId) {
        HttpReply reply = http.postJson(uri("/queue"), Map.of(), Map.of("delete", List.of(promptId)), true);
        if (!reply.ok()) throw ComfyUIErrors.from(reply, "the queue");
    }

    /** {@code POST /interrupt {"prompt_id": id}}: stops the prompt if it is the one running. */
    public void interrupt(String promptId) {
        HttpReply reply = http.postJson(uri("/interrupt"), Map.of(), Map.of("prompt_id", promptId), true);
        if (!reply.ok()) throw ComfyUIErrors.from(reply, "the interrupt");
    }

    public JsonNode systemStats() {
        HttpReply reply = http.get(uri("/system_stats"), Map.of());
        if (!reply.ok()) throw ComfyUIErrors.from(reply, "the system stats");
        return reply.json();
    }

    /** {@code GET /view?filename=&subfolder=&type=}: where a result file is downloaded. */
    public URI view(OutputFile file) {
        return uri("/view?filename=" + VendorHttp.encode(file.filename()) + "&subfolder=" + VendorHttp.encode(file.subfolder())
                + "&type=" + VendorHttp.encode(file.type()));
    }

    private static Set<String> ids(JsonNode items) {
        Set<String> ids = new HashSet<>();
        for (JsonNode item : items) {
            if (item.isArray() && item.size() > 1) ids.add(item.get(1).asText());
        }
        return ids;
    }

    private URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
