package dev.reelwright.providers.fal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.remote.JobRunner;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.PollPolicy;
import dev.reelwright.core.spi.MediaVerifier;
import dev.reelwright.core.spi.Speech;
import dev.reelwright.core.spi.SpeechRequest;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.providers.fal.api.SpeechInput;
import dev.reelwright.providers.http.Downloader;
import dev.reelwright.providers.remote.EstimatedTimings;
import dev.reelwright.providers.remote.Pricing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * MiniMax speech on fal (catalog kind {@code speech}, e.g. {@code fal-ai/minimax/speech-2.8-hd}): {@code prompt},
 * {@code voice_setting.voice_id} (the request's voice; MiniMax's default {@value #DEFAULT_VOICE} when the request
 * names Reelwright's offline default {@value #OFFLINE_DEFAULT_VOICE} or nothing), {@code voice_setting.speed} from
 * the words-per-minute (150 wpm = 1.0, kept in 0.5..2), {@code audio_setting} mono MP3 at 32 kHz, and
 * {@code output_format: "url"} (fal's default is hex). Output {@code {"audio": File, "duration_ms"}}.
 *
 * <p>The file is {@code speech.mp3} (MP3, which the voice mixer decodes with FFmpeg; not the WAV the offline
 * synthesiser writes). MiniMax returns <b>no word timings</b>: the words in the returned {@link Speech} are
 * <b>estimated</b> by {@link EstimatedTimings} (spread over the audio by word length and punctuation), good for
 * pacing captions; transcribe the audio for exact ones. Charge: the catalog's per-character estimate.
 */
final class FalSpeechSynthesizer implements SpeechSynthesizer {
    static final String FILE = "speech.mp3";
    static final String DEFAULT_VOICE = "Wise_Woman";
    static final String OFFLINE_DEFAULT_VOICE = "kevin16";
    static final int SAMPLE_RATE = 32000;
    static final int NATURAL_WORDS_PER_MINUTE = 150;
    /** MiniMax's preset voices (fal.json, voice_setting.voice_id examples); cloned voice ids are accepted too. */
    static final List<String> VOICES = List.of("Wise_Woman", "Friendly_Person", "Inspirational_girl", "Deep_Voice_Man", "Calm_Woman",
            "Casual_Guy", "Lively_Girl", "Patient_Man", "Young_Knight", "Determined_Man", "Lovely_Girl", "Decent_Boy", "Imposing_Manner",
            "Elegant_Man", "Abbess", "Sweet_Girl_2", "Exuberant_Girl");
    private static final long MAX_BYTES = 64L << 20;

    private final ModelEntry model;
    private final FalClient client;
    private final JobRunner runner;
    private final Downloader downloader;

    FalSpeechSynthesizer(ModelEntry model, FalClient client) {
        this.model = model;
        this.client = client;
        this.runner = client.context().runner(FalClient.VENDOR, PollPolicy.QUICK);
        this.downloader = new Downloader(client.http(), client.context().verifier(), MAX_BYTES, Duration.ofMinutes(2));
    }

    @Override
    public String id() {
        return model.id() + "@" + model.model();
    }

    @Override
    public List<String> voices() {
        return VOICES;
    }

    @Override
    public Speech synthesize(SpeechRequest request, Path folder) {
        FalJob job = new FalJob(client, model.model(), () -> input(request), body -> FalJob.file(body, "audio"));
        JobStatus.Succeeded done = runner.run(job, client.context().jobs());
        MediaVerifier.Verified verified = downloader.fetch(done.outputs().getFirst(), Map.of(), folder.resolve(FILE), MediaVerifier.Expect.AUDIO);
        JsonNode result = job.result();
        double seconds = result != null && result.path("duration_ms").isNumber() && result.path("duration_ms").asDouble() > 0
                ? result.path("duration_ms").asDouble() / 1000.0 : verified.seconds();
        return new Speech(FILE, SAMPLE_RATE, seconds, EstimatedTimings.spread(request.text(), seconds),
                Pricing.characters(model, request.text().length()), Speech.TimingSource.ESTIMATED);
    }

    SpeechInput input(SpeechRequest request) {
        String voice = request.voice().isBlank() || request.voice().equalsIgnoreCase(OFFLINE_DEFAULT_VOICE) ? DEFAULT_VOICE : request.voice().strip();
        double speed = Math.clamp(request.wordsPerMinute() / (double) NATURAL_WORDS_PER_MINUTE, 0.5, 2.0);
        // speech-02-* and preview/speech-2.5-* name the text "text"; speech-2.6 and later "prompt" (vendor-specs/fal.json).
        boolean legacy = model.model().contains("speech-02") || model.model().contains("speech-2.5");
        return new SpeechInput(legacy ? null : request.text(), legacy ? request.text() : null,
                new SpeechInput.VoiceSetting(voice, speed), new SpeechInput.AudioSetting("mp3", SAMPLE_RATE, 1), "url");
    }
}
