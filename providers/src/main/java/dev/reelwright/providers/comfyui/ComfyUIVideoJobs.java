package dev.reelwright.providers.comfyui;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.providers.remote.CameraWords;
import dev.reelwright.providers.remote.RemoteClipGenerator;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ComfyUI jobs for {@link RemoteClipGenerator}: upload the keyframe, fill the workflow, queue it, poll the history,
 * download through {@code /view}.
 *
 * <p><b>Charge.</b> A self-hosted server sends no bill. The catalog's {@code per_gpu_second} is an estimate of what
 * the GPU's time costs (a rented card, or power), so the charge is that rate times the seconds ComfyUI spent executing
 * the prompt, measured from its own {@code execution_start} and {@code execution_success} timestamps (queue time
 * excluded). Servers older than those timestamps (2025), and results adopted from an earlier run, report 0 rather
 * than a guess. Always marked estimated.
 */
final class ComfyUIVideoJobs implements RemoteClipGenerator.ClipJobs {
    private final ModelEntry model;
    private final ComfyUIClient client;
    private final ComfyUIWorkflow workflow;
    private final Map<URI, Double> gpuSeconds = new ConcurrentHashMap<>();

    ComfyUIVideoJobs(ModelEntry model, ComfyUIClient client, ComfyUIWorkflow workflow) {
        this.model = model;
        this.client = client;
        this.workflow = workflow;
    }

    @Override
    public RemoteJob job(ClipRequest request, int seconds) {
        ComfyUIKeyframe keyframe = ComfyUIKeyframe.read(request.keyframe());
        int[] size = size(model, request.format());
        String prompt = prompt(request.prompt(), request.camera());
        long seed = request.seed() & Long.MAX_VALUE; // KSampler seeds are unsigned
        int length = ComfyUIWorkflow.length(seconds);
        return new ComfyUIJob(client, keyframe,
                image -> workflow.fill(ComfyUIWorkflow.values(image, prompt, seed, size[0], size[1], length, model.model())),
                gpuSeconds::put);
    }

    @Override
    public Charge charge(ModelEntry entry, int seconds, JobStatus.Succeeded done) {
        double used = gpuSeconds.getOrDefault(done.outputs().getFirst(), 0.0);
        return new Charge(entry.vendor(), entry.model(), entry.price("per_gpu_second") * used, true);
    }

    /**
     * The frame shape at the catalog entry's first resolution (its short side, e.g. 480 for Wan 2.1 480p), both sides
     * multiples of 16 as WanImageToVideo steps them; the pipeline scales the clip to the output size.
     */
    static int[] size(ModelEntry model, VideoFormat format) {
        int shortSide = model.resolutions().stream().map(r -> r.replaceAll("[^0-9]", "")).filter(r -> !r.isEmpty())
                .map(Integer::parseInt).findFirst().orElse(480);
        double aspect = format.width() / (double) format.height();
        int longSide = (int) Math.round(shortSide * Math.max(aspect, 1 / aspect) / 16.0) * 16;
        int shortRounded = Math.round(shortSide / 16f) * 16;
        return aspect >= 1 ? new int[] {longSide, shortRounded} : new int[] {shortRounded, longSide};
    }

    /** Wan has no camera controls: the move is described in the prompt (a static shot in fewer words than elsewhere). */
    static String prompt(String description, CameraMove camera) {
        String words = camera == CameraMove.STATIC ? "Static camera, locked-off shot." : CameraWords.sentence(camera);
        return CameraWords.append(description, words);
    }
}
