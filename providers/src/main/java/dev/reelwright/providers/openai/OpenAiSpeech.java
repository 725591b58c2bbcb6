package dev.reelwright.providers.openai;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.MediaVerifier;
import dev.reelwright.core.spi.Speech;
import dev.reelwright.core.spi.Speech.TimingSource;
import dev.reelwright.core.spi.SpeechRequest;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.core.spi.Transcriber;
import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.openai.api.AudioApi;
import dev.reelwright.providers.remote.EstimatedTimings;
import dev.reelwright.providers.remote.Pricing;
import dev.reelwright.providers.spi.VendorContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Text -> WAV with {@code POST /audio/speech} ({@code response_format: wav}, speed from the words per minute). The
 * endpoint returns no timings, so the audio is sent to the transcription model (when the catalog has it) and the heard
 * words are aligned to the written ones; without it, or when that call fails, timings are estimated from the text.
 */
public final class OpenAiSpeech implements SpeechSynthesizer {
    public static final String FILE = "speech.wav";
    /** OpenAI's built-in voices; any other voice name in production.yaml falls back to the first. */
    static final List<String> VOICES = List.of("alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse",
            "marin", "cedar");
    private static final int MAX_INPUT = 4096;

    private final ModelEntry model;
    private final VendorContext context;
    private final OpenAiClient client;
    private final Optional<Transcriber> timings;

    /** {@code timings}: the transcriber that times the words, if one is available. */
    public OpenAiSpeech(ModelEntry model, VendorContext context, OpenAiClient client, Optional<Transcriber> timings) {
        this.model = model;
        this.context = context;
        this.client = client;
        this.timings = timings;
    }

    @Override
    public String id() {
        return model.id() + "@" + model.model() + timings.map(t -> "+" + t.id()).orElse("");
    }

    @Override
    public List<String> voices() {
        return VOICES;
    }

    @Override
    public Speech synthesize(SpeechRequest request, Path folder) {
        String text = request.text().strip();
        if (text.isEmpty()) throw VendorException.of(OpenAiErrors.VENDOR, Kind.INVALID_REQUEST, "input: there is no text to speak");
        if (text.length() > MAX_INPUT) {
            throw VendorException.of(OpenAiErrors.VENDOR, Kind.INVALID_REQUEST, "input: OpenAI speaks at most " + MAX_INPUT + " characters per request, this scene has "
                    + text.length() + "; split the narration into shorter scenes");
        }
        HttpReply reply = client.speech(new AudioApi.Speech(model.model(), text, voice(request.voice()), "wav", speed(request.wordsPerMinute())));
        WavAudio.Pcm pcm = WavAudio.mono16(reply.body());
        Path file = folder.resolve(FILE);
        WavAudio.write(file, pcm);
        try {
            context.verifier().verify(file, MediaVerifier.Expect.AUDIO);
        } catch (RuntimeException e) {
            throw VendorException.wrap(OpenAiErrors.VENDOR, Kind.BAD_OUTPUT, "the speech does not decode (" + e.getMessage() + ")", e);
        }
        Charge spoken = Pricing.characters(model, text.length());
        List<WordTiming> words = EstimatedTimings.spread(text, pcm.seconds());
        TimingSource source = TimingSource.ESTIMATED;
        Charge charge = spoken;
        if (timings.isPresent()) {
            try {
                Transcriber.Transcript heard = timings.get().transcribe(file, null);
                words = WordAlignment.align(text, heard.words(), pcm.seconds());
                if (!heard.words().isEmpty()) source = TimingSource.TRANSCRIBED; // else align() only estimated them
                charge = new Charge(spoken.vendor(), spoken.model(), spoken.usd() + heard.charge().usd(), true);
            } catch (VendorException e) {
                // The speech is paid for and fine; estimated timings still pace the captions.
            }
        }
        return new Speech(FILE, pcm.sampleRate(), pcm.seconds(), words, charge, source);
    }

    static String voice(String requested) {
        String wanted = requested == null ? "" : requested.strip().toLowerCase(Locale.ROOT);
        return VOICES.contains(wanted) ? wanted : VOICES.getFirst();
    }

    /** 150 words per minute is OpenAI's normal speed (1.0); the API accepts 0.25 to 4. */
    static double speed(int wordsPerMinute) {
        return Math.round(Math.clamp(wordsPerMinute / 150.0, 0.25, 4.0) * 100) / 100.0;
    }
}
