package dev.reelwright.providers.openai;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.remote.JobId;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.WireJson;
import dev.reelwright.providers.openai.api.VideoApi;
import dev.reelwright.providers.remote.RemoteClipGenerator;
import dev.reelwright.providers.spi.VendorContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sora clips through the Videos API: {@code POST /videos} (multipart with the keyframe as {@code input_reference}, or
 * JSON for a text-only model), {@code GET /videos/{id}} until completed or failed, then {@code GET /videos/{id}/content}
 * with the same bearer key. OpenAI shut this API down on 2026-09-24 and the catalog marks the models retired; the
 * adapter stays for compatible servers, and a 404 from a server without it says so. The API has no cancel.
 */
public final class OpenAiVideoJobs implements RemoteClipGenerator.ClipJobs {
    static final String SHUTDOWN = "2026-09-24";

    private final ModelEntry model;
    private final VendorContext context;
    private final OpenAiClient client;

    public OpenAiVideoJobs(ModelEntry model, VendorContext context, OpenAiClient client) {
        this.model = model;
        this.context = context;
        this.client = client;
    }

    @Override
    public RemoteJob job(ClipRequest request, int seconds) {
        return new Job(request, seconds);
    }

    @Override
    public Map<String, String> downloadHeaders() {
        return client.authHeaders();
    }

    /** Sora's sizes: 1280x720 / 720x1280, or 1792x1024 / 1024x1792 for 1080p output on a model the catalog says can. */
    static String size(ModelEntry model, VideoFormat format) {
        if (format.width() == format.height()) {
            throw VendorException.of(OpenAiErrors.VENDOR, Kind.INVALID_REQUEST,
                    model.id() + " makes 16:9 or 9:16 clips only; choose another aspect or another video model");
        }
        boolean landscape = format.width() > format.height();
        boolean large = model.resolutions().contains("1080p") && Math.min(format.width(), format.height()) >= 1080;
        return landscape ? (large ? "1792x1024" : "1280x720") : (large ? "1024x1792" : "720x1280");
    }

    private final class Job implements RemoteJob {
        private final ClipRequest request;
        private final int seconds;
        /** The earliest time the vendor wants the next poll ({@code openai-poll-after-ms}), or null. */
        private Instant nextPoll;

        Job(ClipRequest request, int seconds) {
            this.request = request;
            this.seconds = seconds;
        }

        @Override
        public String vendor() {
            return OpenAiErrors.VENDOR;
        }

        @Override
        public JobId submit() {
            String size = size(model, request.format());
            HttpReply reply;
            try {
                if (model.supports("image-to-video")) {
                    String[] wh = size.split("x");
                    Keyframes.Upload image = Keyframes.fitted(request.keyframe(), Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
                    Multipart body = new Multipart(context.random())
                            .field("model", model.model())
                            .field("prompt", request.prompt())
                            .field("seconds", String.valueOf(seconds))
                            .field("size", size)
                            .file("input_reference", image.filename(), image.contentType(), image.bytes());
                    reply = client.createVideo(body);
                } else {
                    reply = client.createVideo(new VideoApi.Create(model.model(), request.prompt(), String.valueOf(seconds), size));
                }
            } catch (VendorException e) {
                throw e.kind() == Kind.MODEL_UNAVAILABLE && e.httpStatus() == 404 ? retired() : e;
            }
            VideoApi.Video video = WireJson.read(OpenAiErrors.VENDOR, reply.body(), VideoApi.Video.class, "video create");
            if (video.id() == null || video.id().isBlank()) {
                throw VendorException.of(OpenAiErrors.VENDOR, Kind.STATUS_UNKNOWN, "the create answer carried no video id; check the dashboard before retrying");
            }
            remember(reply);
            return new JobId(OpenAiErrors.VENDOR, video.id());
        }

        @Override
        public JobStatus poll(JobId id) {
            waitForHint();
            HttpReply reply;
            try {
                reply = client.video(id.id());
            } catch (VendorException e) {
                if (e.httpStatus() == 404) {
                    return new JobStatus.Failed(VendorException.of(OpenAiErrors.VENDOR, Kind.JOB_FAILED,
                            "video " + id.id() + " is unknown to the server (expired, deleted, or another account)"));
                }
                throw e;
            }
            remember(reply);
            VideoApi.Video video = WireJson.read(OpenAiErrors.VENDOR, reply.body(), VideoApi.Video.class, "video status");
            String status = video.status() == null ? "" : video.status();
            return switch (status) {
                case "completed" -> new JobStatus.Succeeded(List.of(client.videoContent(id.id())));
                case "failed" -> new JobStatus.Failed(client.errors().jobFailed(id.id(),
                        video.error() == null ? null : video.error().code(), video.error() == null ? null : video.error().message()));
                case "cancelled" -> new JobStatus.Cancelled("the server cancelled video " + id.id());
                default -> new JobStatus.Waiting(status.isEmpty() ? "unknown" : status,
                        video.progress() == null ? -1 : Math.clamp(video.progress() / 100.0, 0, 1));
            };
        }

        /** The create was refused with 404: on OpenAI itself that is the shut-down Videos API. */
        private VendorException retired() {
            String when = model.retiredOn() != null ? model.retiredOn() : SHUTDOWN;
            return VendorException.http(OpenAiErrors.VENDOR, Kind.MODEL_UNAVAILABLE, 404, "OpenAI retired the Sora Videos API on " + when
                    + "; " + client.base() + " does not serve " + model.model() + " at /videos. Point providers.openai.base_url at a compatible"
                    + " server", null, "model");
        }

        private void remember(HttpReply reply) {
            nextPoll = reply.header(OpenAiClient.POLL_AFTER_HEADER).flatMap(OpenAiVideoJobs::millis)
                    .map(wait -> context.clock().instant().plus(wait)).orElse(null);
        }

        /**
         * Honours {@code openai-poll-after-ms}: the runner's backoff usually waits longer already; when it has not, wait
         * the rest here (through the context's sleeper) so the server is never polled earlier than it asked.
         */
        private void waitForHint() {
            if (nextPoll == null) return;
            Duration rest = Duration.between(context.clock().instant(), nextPoll);
            nextPoll = null;
            if (rest.isNegative() || rest.isZero()) return;
            try {
                context.sleeper().sleep(rest);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw VendorException.wrap(OpenAiErrors.VENDOR, Kind.JOB_FAILED, "interrupted while waiting to poll", e);
            }
        }
    }

    private static Optional<Duration> millis(String text) {
        try {
            long ms = Math.round(Double.parseDouble(text.strip()));
            return ms > 0 ? Optional.of(Duration.ofMillis(Math.min(ms, 60_000))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
