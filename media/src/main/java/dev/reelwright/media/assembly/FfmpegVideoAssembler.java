package dev.reelwright.media.assembly;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.json.AtomicFiles;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.progress.ProgressListener;
import dev.reelwright.core.spi.ChainClipDecoder;
import dev.reelwright.core.spi.ClipDecoder;
import dev.reelwright.core.spi.FrameSource;
import dev.reelwright.core.spi.VideoAssembler;
import dev.reelwright.core.timeline.Timeline;
import dev.reelwright.media.audio.AudioMixer;
import dev.reelwright.media.audio.VoiceAudio;
import dev.reelwright.media.audio.WavFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Renders a {@link Timeline} to the finished MP4 in one encode, with the poster beside it.
 *
 * <p>Two threads: a render thread ({@link FrameProducer}) decodes clips, draws cards and crossfades, burns in
 * captions and mixes the audio for each frame; the calling thread feeds the encoder ({@link VideoEncoder}: libx264
 * and AAC via FFmpeg in process). They pass a small pool of reusable frame packets through bounded queues, so a
 * slow side simply holds the other back and memory stays flat whatever the length.
 *
 * <p>The video is written to a hidden sibling file and renamed into place only when complete; on any failure
 * the partial file is deleted and a {@link ReelwrightException} explains what went wrong.
 */
public final class FfmpegVideoAssembler implements VideoAssembler {
    /** Packets in flight: one being rendered, one being encoded, two queued to absorb a slow clip open. */
    static final int PACKETS = 4;
    static final int PROGRESS_EVERY = 15;
    static final String STAGE = "assemble";

    private final List<ClipDecoder> decoders;
    private final EncoderSettings settings;
    private volatile Run lastRun;

    /** What the last {@link #assemble} did, for benchmarks: wall time and how busy each side was. */
    public record Run(int frames, double seconds, double renderBusySeconds, double encodeBusySeconds, int maxOpenSegments) {
        public double framesPerSecond() {
            return frames / seconds;
        }
    }

    /** @param decoders clip decoders in order of preference; a clip goes to the first that accepts it */
    public FfmpegVideoAssembler(List<ClipDecoder> decoders) {
        this(decoders, EncoderSettings.DEFAULT);
    }

    public FfmpegVideoAssembler(List<ClipDecoder> decoders, EncoderSettings settings) {
        // Chained clips (a shot longer than its model's clips) decode through the same decoders, part by part.
        this.decoders = ChainClipDecoder.withChains(decoders);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String id() {
        return "ffmpeg-v1-" + settings.label();
    }

    @Override
    public FrameSource open(Path clip, VideoFormat format) {
        return ClipDecoder.first(decoders, clip).orElseThrow(() -> new ReelwrightException("no decoder can open clip " + clip))
                .open(clip, format);
    }

    @Override
    public void speechTrack(Path speech, double leadSeconds, double seconds, Path wav) {
        VoiceAudio voice = VoiceAudio.load(speech);
        float[] track = new float[(int) Math.round(seconds * voice.sampleRate())];
        int lead = (int) Math.round(leadSeconds * voice.sampleRate());
        int count = Math.max(0, Math.min(voice.samples().length, track.length - lead));
        System.arraycopy(voice.samples(), 0, track, lead, count);
        WavFile.writeMono16(wav, track, voice.sampleRate());
    }

    public EncoderSettings settings() {
        return settings;
    }

    /** Statistics of the last completed run, or null. */
    public Run lastRun() {
        return lastRun;
    }

    @Override
    public void assemble(Timeline timeline, Path video, Path poster, ProgressListener progress) {
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(video, "video");
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        int total = timeline.totalFrames();
        long started = System.nanoTime();
        listener.stageStarted(STAGE, total);

        Path temp = createTemp(video);
        BlockingQueue<FramePacket> free = new ArrayBlockingQueue<>(PACKETS);
        BlockingQueue<FramePacket> filled = new ArrayBlockingQueue<>(PACKETS + 1);
        int maxSamples = (AudioMixer.SAMPLE_RATE + timeline.format().fps() - 1) / timeline.format().fps();
        for (int i = 0; i < PACKETS; i++) free.add(new FramePacket(timeline.format(), maxSamples));
        FrameProducer producer = new FrameProducer(timeline, decoders, free, filled);
        Thread renderer = new Thread(producer, "reelwright-render");
        renderer.setDaemon(true);
        boolean done = false;
        long encodeNanos = 0;
        try {
            // Rendering starts first, so the encoder's start-up (x264, AAC, the file) overlaps the first frames.
            renderer.start();
            try (VideoEncoder encoder = new VideoEncoder(temp, timeline.format(), settings)) {
                for (int f = 0; f < total; f++) {
                    FramePacket packet = filled.take();
                    if (packet == FrameProducer.END) throw renderFailure(producer, f);
                    long t0 = System.nanoTime();
                    encoder.video(packet.picture);
                    encoder.audio(packet.left, packet.right, packet.samples);
                    encodeNanos += System.nanoTime() - t0;
                    free.put(packet);
                    int doneFrames = f + 1;
                    if (doneFrames % PROGRESS_EVERY == 0 || doneFrames == total) {
                        listener.advanced(STAGE, doneFrames, total, "frame " + doneFrames + "/" + total);
                    }
                }
                long t0 = System.nanoTime();
                encoder.finish();
                encodeNanos += System.nanoTime() - t0;
            }
            renderer.join();
            if (producer.failure() != null) throw renderFailure(producer, total);
            int[] posterPixels = producer.poster();
            if (poster != null) {
                if (posterPixels == null) throw new ReelwrightException("the poster frame " + timeline.posterFrame() + " was never rendered");
                byte[] jpeg = PosterWriter.jpeg(posterPixels, timeline.format().width(), timeline.format().height());
                AtomicFiles.move(temp, video);
                AtomicFiles.writeBytes(poster, jpeg);
            } else {
                AtomicFiles.move(temp, video);
            }
            done = true;
            double seconds = (System.nanoTime() - started) / 1e9;
            lastRun = new Run(total, seconds, producer.busySeconds(), encodeNanos / 1e9, producer.maxOpenSegments());
            listener.stageFinished(STAGE, seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReelwrightException("video assembly was interrupted", e);
        } catch (IOException e) {
            throw new ReelwrightException("cannot move the finished video into place at " + video + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new ReelwrightException("cannot write " + video + " or its poster: " + e.getMessage(), e);
        } finally {
            if (!done) {
                stop(renderer, free, filled);
                deleteQuietly(temp);
            }
        }
    }

    private static ReelwrightException renderFailure(FrameProducer producer, int frame) {
        Throwable cause = producer.failure();
        if (cause instanceof ReelwrightException r) return r;
        if (cause == null) return new ReelwrightException("rendering stopped before frame " + frame);
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ReelwrightException("rendering frame " + frame + " failed: " + message, cause);
    }

    /** Stops the render thread after a failure on our side and waits for it to close its clips. */
    private static void stop(Thread renderer, BlockingQueue<FramePacket> free, BlockingQueue<FramePacket> filled) {
        if (!renderer.isAlive()) return;
        renderer.interrupt();
        try {
            // Keep it from blocking on a full queue while it winds down.
            while (renderer.isAlive()) {
                filled.clear();
                renderer.join(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path createTemp(Path video) {
        try {
            Path parent = video.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return Files.createTempFile(parent, "." + video.getFileName() + ".", ".partial");
        } catch (IOException e) {
            throw new ReelwrightException("cannot create a file beside " + video + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: a leftover hidden .partial file is harmless
        }
    }
}
