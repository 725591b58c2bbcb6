package dev.reelwright.providers.kling;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.remote.JobRunner;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.PollPolicy;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.LipSyncer;
import dev.reelwright.core.spi.MediaVerifier;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.providers.http.Downloader;
import dev.reelwright.providers.kling.api.KlingTask;
import dev.reelwright.providers.kling.api.LipSyncBody;
import dev.reelwright.providers.remote.Pricing;
import dev.reelwright.providers.spi.VendorContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Lip sync on Kling's own API. Kling's {@code /v1/videos/lip-sync} animates the mouth in a <em>video</em> (a Kling
 * {@code video_id} from the last 30 days, or a public {@code video_url}, 2–10 s), not in a still; Reelwright's
 * {@link LipSyncRequest} carries a character image and a local audio file. So this runs two Kling tasks:
 * <ol>
 * <li>{@code POST /v1/videos/image2video}: the character image becomes a 5 or 10 s clip (long enough for the speech),
 *     with a static camera and the person speaking;</li>
 * <li>{@code POST /v1/videos/lip-sync} with that clip's {@code video_id}, {@code mode: audio2video} and the speech as
 *     base64 {@code audio_file} (≤5 MB, 2–60 s per 3P copies of Kling's page).</li>
 * </ol>
 * Gaps, stated rather than papered over: a local <em>video</em> cannot be the input (Kling has no upload endpoint and
 * {@code video_url} must be reachable by Kling), and speech longer than 10 s does not fit one Kling clip, so both are
 * refused before anything is paid. The frame count is the verified length at {@value #KLING_FPS} fps (Kling's
 * capability map, 3P: 30 fps). The charge is the catalog's lip-sync estimate, which covers both tasks.
 */
final class KlingLipSyncer implements LipSyncer {
    static final String FILE = "lipsync.mp4";
    static final int KLING_FPS = 30;
    static final double MIN_AUDIO_SECONDS = 2;
    static final double MAX_VIDEO_SECONDS = 10;
    private static final long MAX_AUDIO_BYTES = 5L * 1024 * 1024;

    private final ModelEntry lipSync;
    private final ModelEntry video;
    private final VendorContext context;
    private final KlingClient client;

    KlingLipSyncer(ModelEntry lipSync, ModelEntry video, VendorContext context, KlingClient client) {
        this.lipSync = lipSync;
        this.video = video;
        this.context = context;
        this.client = client;
    }

    @Override
    public String id() {
        return lipSync.id() + "@" + video.model();
    }

    @Override
    public VideoGenerator.GeneratedClip lipSync(LipSyncRequest request, Path folder) {
        if (isVideo(request.image())) {
            throw VendorException.of(KlingModule.VENDOR, Kind.INVALID_REQUEST, "Kling lip sync takes a Kling video id or a public video URL;"
                    + " a local video (" + request.image().getFileName() + ") cannot be uploaded to Kling. Give a character image instead");
        }
        double audioSeconds = seconds(request.audio());
        if (audioSeconds > MAX_VIDEO_SECONDS || (audioSeconds >= 0 && audioSeconds < MIN_AUDIO_SECONDS)) {
            throw VendorException.of(KlingModule.VENDOR, Kind.INVALID_REQUEST, "the speech is %.1f s; Kling lip sync takes %.0f–%.0f s per clip (split the line)"
                    .formatted(audioSeconds, MIN_AUDIO_SECONDS, MAX_VIDEO_SECONDS));
        }
        String audio = audioBase64(request.audio());
        int clipSeconds = Pricing.clipSeconds(video, Math.max(audioSeconds, 0));
        JobRunner runner = context.runner(KlingModule.VENDOR, PollPolicy.VIDEO);

        KlingTaskJob base = new KlingVideoJobs(video, client).imageJob(request.image(), speakingPrompt(request.prompt()), CameraMove.STATIC, clipSeconds);
        runner.run(base, context.jobs());
        String videoId = base.finished().flatMap(task -> task.videos().stream().map(KlingTask.Video::id).filter(id -> !id.isBlank()).findFirst())
                .orElseThrow(() -> VendorException.of(KlingModule.VENDOR, Kind.BAD_OUTPUT, "the base clip has no video id to lip-sync"));

        LipSyncBody body = LipSyncBody.audio(videoId, audio);
        JobStatus.Succeeded done = runner.run(new KlingTaskJob(client, KlingClient.LIP_SYNC, ignored -> body, null), context.jobs());
        Downloader downloader = new Downloader(context.http(KlingModule.VENDOR), context.verifier(), 1L << 30, Duration.ofMinutes(10));
        MediaVerifier.Verified verified = downloader.fetch(done.outputs().getFirst(), Map.of(), folder.resolve(FILE), MediaVerifier.Expect.VIDEO);

        int frames = Math.max(1, (int) Math.round(verified.seconds() * KLING_FPS));
        // The catalog's lip-sync price covers both tasks, so what the router reserved is what is charged.
        double usd = Pricing.clip(lipSync, clipSeconds).usd();
        return new VideoGenerator.GeneratedClip(FILE, frames, new Charge(KlingModule.VENDOR, video.model() + "+" + lipSync.model(), usd, true));
    }

    private static String speakingPrompt(String prompt) {
        String scene = prompt == null || prompt.isBlank() ? "" : prompt.strip() + (prompt.strip().matches(".*[.!?…]$") ? " " : ". ");
        return scene + "The person faces the camera and speaks naturally, with clear mouth movement.";
    }

    /** Length of a WAV/AIFF (what Reelwright's speech step writes); -1 when Java cannot read the format (then Kling decides). */
    static double seconds(Path audio) {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(audio.toFile());
            if (format.getFrameLength() <= 0 || format.getFormat().getFrameRate() <= 0) return -1;
            return format.getFrameLength() / (double) format.getFormat().getFrameRate();
        } catch (UnsupportedAudioFileException | IOException e) {
            return -1;
        }
    }

    private static String audioBase64(Path audio) {
        try {
            if (Files.size(audio) > MAX_AUDIO_BYTES) {
                throw VendorException.of(KlingModule.VENDOR, Kind.INVALID_REQUEST, "the speech file is over Kling's 5 MB audio limit");
            }
            return Base64.getEncoder().encodeToString(Files.readAllBytes(audio));
        } catch (IOException e) {
            throw VendorException.wrap(KlingModule.VENDOR, Kind.INVALID_REQUEST, "cannot read the speech " + audio + ": " + e.getMessage(), e);
        }
    }

    private static boolean isVideo(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(12);
            return head.length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p'
                    || head.length >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF && (head[3] & 0xFF) == 0xA3;
        } catch (IOException e) {
            throw VendorException.wrap(KlingModule.VENDOR, Kind.INVALID_REQUEST, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
