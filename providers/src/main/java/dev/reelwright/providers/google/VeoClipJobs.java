package dev.reelwright.providers.google;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.remote.JobId;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.providers.google.api.VeoImage;
import dev.reelwright.providers.google.api.VeoInstance;
import dev.reelwright.providers.google.api.VeoOperation;
import dev.reelwright.providers.google.api.VeoParameters;
import dev.reelwright.providers.google.api.VeoRequest;
import dev.reelwright.providers.remote.Pricing;
import dev.reelwright.providers.remote.RemoteClipGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Veo image-to-video as {@link RemoteClipGenerator} jobs: the keyframe goes inline as base64, the camera move is
 * written into the prompt (Veo has no camera-control parameter), one sample is asked for, and the clip length is
 * one of the catalog's {@code clip_seconds}.
 *
 * <p>Audio: Veo 3 models make their own soundtrack, but Reelwright mixes its own narration and music, so Vertex
 * requests send {@code generateAudio: false} unless {@code GOOGLE_VEO_GENERATE_AUDIO=true}. The Gemini API refuses
 * {@code generateAudio} and {@code seed}, so they are not sent there.
 */
final class VeoClipJobs implements RemoteClipGenerator.ClipJobs {
    /** Optional catalog price key for Vertex clips made without audio, which Google prices lower than with audio. */
    static final String PRICE_WITHOUT_AUDIO = "per_second_without_audio";

    private final ModelEntry model;
    private final GoogleClient client;

    VeoClipJobs(ModelEntry model, GoogleClient client) {
        this.model = model;
        this.client = client;
    }

    @Override
    public RemoteJob job(ClipRequest request, int seconds) {
        return new VeoJob(body(request, seconds));
    }

    @Override
    public Map<String, String> downloadHeaders() {
        return client.authHeaders();
    }

    @Override
    public Charge charge(ModelEntry entry, int seconds, JobStatus.Succeeded done) {
        // Google reports no price; the catalog's estimate, at the lower no-audio rate where the catalog has one.
        if (!audio() && entry.price().containsKey(PRICE_WITHOUT_AUDIO)) {
            return new Charge(entry.vendor(), entry.model(), entry.price(PRICE_WITHOUT_AUDIO) * seconds, true);
        }
        return Pricing.clip(entry, seconds);
    }

    /** The request body; package-private so tests can see exactly what a route sends. */
    VeoRequest body(ClipRequest request, int seconds) {
        VeoSettings settings = client.settings();
        boolean vertex = settings.route() == VeoRoute.VERTEX;
        VeoSettings.VeoOptions options = settings.options();
        String resolution = resolution(request.format(), seconds, vertex);
        VeoParameters parameters = new VeoParameters(
                1,
                seconds,
                aspectRatio(request.format()),
                resolution,
                vertex ? Integer.toUnsignedLong((int) request.seed()) : null,
                vertex && Boolean.TRUE.equals(model.nativeAudio()) ? options.generateAudio() : null,
                options.negativePrompt(),
                options.personGeneration(),
                vertex ? options.storageUri() : null);
        return new VeoRequest(List.of(new VeoInstance(prompt(request), image(request.keyframe()))), parameters);
    }

    private boolean audio() {
        return client.settings().route() == VeoRoute.VERTEX && client.settings().options().generateAudio();
    }

    /** Veo makes 16:9 and 9:16 only; a square or landscape production gets 16:9 and the decoder crops to fill. */
    private String aspectRatio(VideoFormat format) {
        String wanted = format.height() > format.width() ? "9:16" : "16:9";
        if (model.aspectRatios().isEmpty() || model.aspectRatios().contains(wanted)) return wanted;
        return model.aspectRatios().getFirst();
    }

    /**
     * 1080p when the production is at least 1080 lines on its short side and the catalog offers it, else 720p; left
     * out when the catalog lists no resolutions. On the Gemini API, 1080p is only offered for 8 s clips (third-party
     * documentation of the Gemini API; not stated for Vertex AI), so shorter clips ask for 720p there.
     */
    private String resolution(VideoFormat format, int seconds, boolean vertex) {
        if (model.resolutions().isEmpty()) return null;
        boolean full = Math.min(format.width(), format.height()) >= 1080 && (vertex || seconds == 8);
        String wanted = full ? "1080p" : "720p";
        if (model.resolutions().contains(wanted)) return wanted;
        return model.resolutions().contains("720p") ? "720p" : model.resolutions().getFirst();
    }

    private static String prompt(ClipRequest request) {
        String text = request.prompt() == null ? "" : request.prompt().strip();
        String camera = switch (request.camera()) {
            case STATIC -> "Static camera, no camera movement.";
            case DOLLY_IN -> "The camera slowly dollies in.";
            case DOLLY_OUT -> "The camera slowly dollies out.";
            case PAN_LEFT -> "The camera pans slowly to the left.";
            case PAN_RIGHT -> "The camera pans slowly to the right.";
            case CRANE_UP -> "The camera cranes slowly upward.";
            case CRANE_DOWN -> "The camera cranes slowly downward.";
            case ORBIT -> "The camera orbits slowly around the subject.";
        };
        return text.isEmpty() ? camera : text + (text.matches(".*[.!?]$") ? " " : ". ") + camera;
    }

    /** The keyframe inline; Veo documents PNG and JPEG first frames. */
    static VeoImage image(Path keyframe) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(keyframe);
        } catch (IOException e) {
            throw new InputException("cannot read keyframe " + keyframe + ": " + e.getMessage(), e);
        }
        String mime;
        if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            mime = "image/png";
        } else if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            mime = "image/jpeg";
        } else {
            throw new InputException("keyframe " + keyframe + " is neither PNG nor JPEG, which Veo needs for a first frame");
        }
        return new VeoImage(Base64.getEncoder().encodeToString(bytes), mime);
    }

    /** One Veo operation: submit once, poll by name. */
    private final class VeoJob implements RemoteJob {
        private final VeoRequest body;

        VeoJob(VeoRequest body) {
            this.body = body;
        }

        @Override
        public String vendor() {
            return VeoSettings.VENDOR;
        }

        @Override
        public JobId submit() {
            String operation = client.start(model.model(), body);
            return new JobId(VeoSettings.VENDOR, operation, Map.of("route", client.settings().route().name(), "model", model.model()));
        }

        @Override
        public JobStatus poll(JobId id) {
            String wire = id.handle("model") != null ? id.handle("model") : model.model();
            VeoOperation operation = client.fetch(wire, id.id());
            if (!operation.done()) return new JobStatus.Waiting("running", -1);
            if (operation.error() != null) return new JobStatus.Failed(client.errors().operationFailed(id.id(), operation.error()));
            if (!operation.videos().isEmpty()) return new JobStatus.Succeeded(List.of(client.resultUri(operation.videos().getFirst())));
            if (operation.raiMediaFilteredCount() > 0 || !operation.raiMediaFilteredReasons().isEmpty()) {
                return new JobStatus.Failed(client.errors().filtered(id.id(), operation.raiMediaFilteredCount(), operation.raiMediaFilteredReasons()));
            }
            return new JobStatus.Failed(client.errors().noVideo(id.id()));
        }

        // No cancel: neither Veo API exposes one (RemoteJob.cancel stays a no-op).
    }
}
