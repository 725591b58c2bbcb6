package dev.reelwright.providers.comfyui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.remote.JobId;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.providers.comfyui.api.HistoryEntry;
import dev.reelwright.providers.comfyui.api.OutputFile;
import dev.reelwright.providers.comfyui.api.PromptRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One workflow run on a ComfyUI server. The {@code prompt_id} is ours: a name-based UUID of the filled graph, so
 * the same clip request always has the same id. Before queueing, {@code /history} and {@code /queue} are asked
 * whether that id already ran or waits: a finished run is adopted (no GPU time spent again), a queued one is joined,
 * and a failed one gets a new generation of the id. That makes a resubmit after a lost reply or a server hiccup
 * safe, so {@link #safeToResubmit} allows it.
 */
final class ComfyUIJob implements RemoteJob {
    private static final int MAX_GENERATIONS = 8;

    private final ComfyUIClient client;
    private final ComfyUIKeyframe keyframe;
    private final Function<String, ObjectNode> graphFor;
    private final BiConsumer<URI, Double> finished;
    private int generation = 1;

    /**
     * @param graphFor the filled graph for an uploaded image name
     * @param finished told the result's URL and the GPU seconds the run took (0 when it was adopted, not run)
     */
    ComfyUIJob(ComfyUIClient client, ComfyUIKeyframe keyframe, Function<String, ObjectNode> graphFor, BiConsumer<URI, Double> finished) {
        this.client = client;
        this.keyframe = keyframe;
        this.graphFor = graphFor;
        this.finished = finished;
    }

    @Override
    public String vendor() {
        return ComfyUIModule.VENDOR;
    }

    /** The prompt id for this request and generation, from the graph as it would be queued with the keyframe's own name. */
    String promptId() {
        String graph = Json.toJson(graphFor.apply(keyframe.name()));
        return UUID.nameUUIDFromBytes(("reelwright/comfyui/" + generation + "\n" + graph).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public JobId submit() {
        for (int tries = 0; tries < MAX_GENERATIONS; tries++) {
            String id = promptId();
            Optional<HistoryEntry> earlier = client.history(id);
            if (earlier.isPresent()) {
                if (earlier.get().failed() || earlier.get().interrupted()) {
                    generation++;
                    continue;
                }
                return new JobId(ComfyUIModule.VENDOR, id, Map.of("reused", "true"));
            }
            if (client.queue().contains(id)) return new JobId(ComfyUIModule.VENDOR, id);
            ComfyUIClient.Uploaded image = client.upload(keyframe.bytes(), keyframe.name(), keyframe.contentType());
            String queued = client.queuePrompt(new PromptRequest(graphFor.apply(image.loadImageValue()), ComfyUIClient.CLIENT_ID, id));
            return new JobId(ComfyUIModule.VENDOR, queued);
        }
        throw VendorException.of(ComfyUIModule.VENDOR, Kind.JOB_FAILED, "this workflow already failed " + MAX_GENERATIONS + " times on the ComfyUI server");
    }

    @Override
    public JobStatus poll(JobId id) {
        Optional<HistoryEntry> entry = client.history(id.id());
        if (entry.isEmpty()) {
            ComfyUIClient.QueueState queue = client.queue();
            if (queue.running().contains(id.id())) return new JobStatus.Waiting("running", -1);
            if (queue.pending().contains(id.id())) return new JobStatus.Waiting("queued", -1);
            entry = client.history(id.id()); // it may have finished between the two calls
            if (entry.isEmpty()) {
                return new JobStatus.Failed(VendorException.of(ComfyUIModule.VENDOR, Kind.JOB_FAILED, "prompt " + id.id()
                        + " is neither queued nor in the history: the ComfyUI server restarted or its queue or history was cleared"));
            }
        }
        HistoryEntry done = entry.get();
        if (done.interrupted()) return new JobStatus.Cancelled("interrupted on the ComfyUI server");
        if (done.failed()) return new JobStatus.Failed(ComfyUIErrors.executionError(id.id(), done.message("execution_error").orElse(null)));
        Optional<OutputFile> video = pick(done.files());
        if (video.isEmpty()) {
            String saved = done.files().stream().map(OutputFile::filename).toList().toString();
            return new JobStatus.Failed(VendorException.of(ComfyUIModule.VENDOR, Kind.BAD_OUTPUT, "prompt " + id.id()
                    + " finished without a video (files: " + saved + "); the workflow needs a video saver such as SaveVideo"));
        }
        URI url = client.view(video.get());
        finished.accept(url, "true".equals(id.handle("reused")) ? 0.0 : done.executionSeconds().orElse(0.0));
        return new JobStatus.Succeeded(List.of(url));
    }

    /** A video file, preferring saved outputs over temporary previews; animated images are not decodable clips. */
    private static Optional<OutputFile> pick(List<OutputFile> files) {
        return files.stream().filter(OutputFile::isVideo).filter(f -> f.type().equals("output")).findFirst()
                .or(() -> files.stream().filter(OutputFile::isVideo).findFirst());
    }

    @Override
    public void cancel(JobId id) {
        client.deleteFromQueue(id.id());
        // Interrupt only our own prompt: older servers ignore the prompt_id and stop whatever runs.
        if (client.queue().running().contains(id.id())) client.interrupt(id.id());
    }

    @Override
    public boolean safeToResubmit(VendorException failure) {
        return switch (failure.kind()) {
            case RATE_LIMITED, OUTAGE, STATUS_UNKNOWN -> true; // submit() checks history and queue for our prompt_id first
            default -> false;
        };
    }
}
