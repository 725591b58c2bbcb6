package dev.reelwright.providers.remote;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.remote.JobRunner;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.PollPolicy;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.MediaVerifier;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.providers.http.Downloader;
import dev.reelwright.providers.spi.VendorContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The template every remote video vendor fills in: the vendor supplies a {@link RemoteJob} for a request; this
 * class runs it (submit, journal the id, poll), downloads the result with limits, proves it decodes, and reports
 * the charge. The clip is written as {@code clip.mp4} and read back through the FFmpeg clip decoder.
 */
public final class RemoteClipGenerator implements VideoGenerator {
    /** What a vendor package provides. */
    public interface ClipJobs {
        RemoteJob job(ClipRequest request, int seconds);

        /** Headers the result download needs (most vendors' result URLs are pre-signed: none). */
        default Map<String, String> downloadHeaders() {
            return Map.of();
        }

        /** The vendor's own figure where its response carries one; the catalog's estimate otherwise. */
        default Charge charge(ModelEntry model, int seconds, JobStatus.Succeeded done) {
            return Pricing.clip(model, seconds);
        }
    }

    public static final String FILE = "clip.mp4";
    private static final long MAX_BYTES = 1L << 30;

    private final ModelEntry model;
    private final VendorContext context;
    private final ClipJobs jobs;
    private final JobRunner runner;
    private final Downloader downloader;

    public RemoteClipGenerator(ModelEntry model, VendorContext context, ClipJobs jobs) {
        this.model = model;
        this.context = context;
        this.jobs = jobs;
        this.runner = context.runner(model.vendor(), PollPolicy.VIDEO);
        this.downloader = new Downloader(context.http(model.vendor()), context.verifier(), MAX_BYTES, Duration.ofMinutes(10));
    }

    @Override
    public String id() {
        return model.id() + "@" + model.model();
    }

    @Override
    public GeneratedClip generate(ClipRequest request, Path folder) {
        int seconds = Pricing.clipSeconds(model, request.frames() / (double) request.format().fps());
        JobStatus.Succeeded done = runner.run(jobs.job(request, seconds), context.jobs());
        downloader.fetch(done.outputs().getFirst(), jobs.downloadHeaders(), folder.resolve(FILE), MediaVerifier.Expect.VIDEO);
        return new GeneratedClip(FILE, request.frames(), jobs.charge(model, seconds, done));
    }
}
