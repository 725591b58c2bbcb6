package dev.reelwright.providers.fal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.remote.JobRunner;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.PollPolicy;
import dev.reelwright.core.spi.LipSyncer;
import dev.reelwright.core.spi.MediaVerifier;
import dev.reelwright.core.spi.VideoGenerator.GeneratedClip;
import dev.reelwright.providers.fal.api.AvatarInput;
import dev.reelwright.providers.http.Downloader;
import dev.reelwright.providers.remote.Pricing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Kling AI Avatar on fal (catalog kind {@code avatar}): the character image and the speech audio go to fal's CDN,
 * then {@code {"image_url","audio_url","prompt"}} (prompt defaults to "." as fal's does) -> {@code {"video": File,
 * "duration": seconds}}. The clip is written as {@code clip.mp4}; the charge is the catalog's per-second estimate
 * over the returned duration.
 *
 * <p>Frames: fal does not say the clip's frame rate (3P: 24 fps for standard, 48 fps for v1 pro), and the request
 * carries no target rate, so {@link GeneratedClip#frames()} is the duration at a nominal {@value #NOMINAL_FPS} fps.
 */
final class FalLipSyncer implements LipSyncer {
    static final String FILE = "clip.mp4";
    static final int NOMINAL_FPS = 24;
    private static final long MAX_BYTES = 1L << 30;

    private final ModelEntry model;
    private final FalClient client;
    private final JobRunner runner;
    private final Downloader downloader;

    FalLipSyncer(ModelEntry model, FalClient client) {
        this.model = model;
        this.client = client;
        this.runner = client.context().runner(FalClient.VENDOR, PollPolicy.VIDEO);
        this.downloader = new Downloader(client.http(), client.context().verifier(), MAX_BYTES, Duration.ofMinutes(10));
    }

    @Override
    public String id() {
        return model.id() + "@" + model.model();
    }

    @Override
    public GeneratedClip lipSync(LipSyncRequest request, Path folder) {
        String prompt = request.prompt() == null || request.prompt().isBlank() ? "." : request.prompt().strip();
        FalJob job = new FalJob(client, model.model(),
                () -> new AvatarInput(client.upload(request.image()).toString(), client.upload(request.audio()).toString(), prompt),
                body -> FalJob.file(body, "video"));
        JobStatus.Succeeded done = runner.run(job, client.context().jobs());
        MediaVerifier.Verified verified = downloader.fetch(done.outputs().getFirst(), Map.of(), folder.resolve(FILE),
                MediaVerifier.Expect.VIDEO);
        JsonNode result = job.result();
        double seconds = result != null && result.path("duration").isNumber() && result.path("duration").asDouble() > 0
                ? result.path("duration").asDouble() : verified.seconds();
        int frames = Math.max(1, (int) Math.round(seconds * NOMINAL_FPS));
        return new GeneratedClip(FILE, frames, Pricing.clip(model, seconds));
    }
}
