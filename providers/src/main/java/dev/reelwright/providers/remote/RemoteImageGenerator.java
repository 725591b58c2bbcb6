package dev.reelwright.providers.remote;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.remote.JobRunner;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.PollPolicy;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.core.spi.ImageGenerator;
import dev.reelwright.core.spi.KeyframeRequest;
import dev.reelwright.core.spi.MediaVerifier;
import dev.reelwright.providers.http.Downloader;
import dev.reelwright.providers.spi.VendorContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The template for remote keyframe vendors: run the vendor's job, download the image, verify it, report the charge. */
public final class RemoteImageGenerator implements ImageGenerator {
    /** What a vendor package provides. */
    public interface ImageJobs {
        RemoteJob job(KeyframeRequest request);

        default Map<String, String> downloadHeaders() {
            return Map.of();
        }
    }

    public static final String FILE = "keyframe.img";
    private static final long MAX_BYTES = 64L << 20;

    private final ModelEntry model;
    private final VendorContext context;
    private final ImageJobs jobs;
    private final JobRunner runner;
    private final Downloader downloader;

    public RemoteImageGenerator(ModelEntry model, VendorContext context, ImageJobs jobs) {
        this.model = model;
        this.context = context;
        this.jobs = jobs;
        this.runner = context.runner(model.vendor(), PollPolicy.QUICK);
        this.downloader = new Downloader(context.http(model.vendor()), context.verifier(), MAX_BYTES, Duration.ofMinutes(2));
    }

    @Override
    public String id() {
        return model.id() + "@" + model.model();
    }

    @Override
    public GeneratedImage generate(KeyframeRequest request, Path folder) {
        JobStatus.Succeeded done = runner.run(jobs.job(request), context.jobs());
        downloader.fetch(done.outputs().getFirst(), jobs.downloadHeaders(), folder.resolve(FILE), MediaVerifier.Expect.IMAGE);
        return new GeneratedImage(FILE, Pricing.image(model));
    }
}
