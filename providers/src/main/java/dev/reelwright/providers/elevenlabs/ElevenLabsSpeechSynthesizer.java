package dev.reelwright.providers.elevenlabs;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.json.AtomicFiles;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.MediaVerifier;
import dev.reelwright.core.spi.Speech;
import dev.reelwright.core.spi.Speech.TimingSource;
import dev.reelwright.core.spi.SpeechRequest;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.providers.elevenlabs.api.SpeechBody;
import dev.reelwright.providers.elevenlabs.api.VoiceSettings;
import dev.reelwright.providers.remote.EstimatedTimings;
import dev.reelwright.providers.remote.Pricing;
import dev.reelwright.providers.spi.VendorContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * ElevenLabs text-to-speech with character timestamps, written as a mono 16-bit WAV ({@code voice.wav}).
 *
 * <ul>
 *   <li>Audio: {@code output_format=pcm_24000} by default ({@code ELEVENLABS_OUTPUT_FORMAT} may name another
 *       {@code pcm_*} rate; {@code pcm_44100} needs the Pro tier or above, per the API's own description), wrapped in
 *       a WAV header here.</li>
 *   <li>Voice: the request's voice is an ElevenLabs voice id. Blank, or Reelwright's local default {@code kevin16},
 *       means {@code ELEVENLABS_VOICE_ID} if set, else {@value #DEFAULT_VOICE_ID} ("George", a premade voice that
 *       ElevenLabs' own SDK documentation and examples use).</li>
 *   <li>Pace: {@code voice_settings.speed} = words per minute / 150, clamped to ElevenLabs' 0.7..1.2.</li>
 *   <li>Seed: a CRC-32 of model, voice, pace and text, so the same request asks for the same sampling (ElevenLabs
 *       calls determinism best effort).</li>
 *   <li>Timings: from the {@code alignment} (see {@link WordAlignment}); words equal the text's words as written.
 *       Speech says {@code vendor_alignment}, or {@code estimated} when no usable alignment came back.</li>
 *   <li>Charge: the {@code character-cost} header is the characters billed; ElevenLabs bills characters against a
 *       plan, not dollars, so the dollar figure is the catalog's per-1k-characters price times that count and is
 *       reported as an estimate. Without the header, the text's length stands in.</li>
 * </ul>
 */
public final class ElevenLabsSpeechSynthesizer implements SpeechSynthesizer {
    public static final String FILE = "voice.wav";
    public static final String DEFAULT_VOICE_ID = "JBFqnCBsd6RMkjVDRZzb";
    public static final String VOICE_VARIABLE = "ELEVENLABS_VOICE_ID";
    public static final String FORMAT_VARIABLE = "ELEVENLABS_OUTPUT_FORMAT";
    public static final String DEFAULT_FORMAT = "pcm_24000";
    /** The local synthesiser's voice, which production.yaml falls back to; it means "the vendor's default" here. */
    static final String LOCAL_DEFAULT_VOICE = "kevin16";
    /** Words per minute at speed 1.0. */
    static final double NATURAL_WPM = 150;

    private final ModelEntry model;
    private final VendorContext context;
    private final ElevenLabsClient client;
    private final String defaultVoice;
    private final String format;
    private final int sampleRate;

    ElevenLabsSpeechSynthesizer(ModelEntry model, VendorContext context, ElevenLabsClient client) {
        this.model = model;
        this.context = context;
        this.client = client;
        this.defaultVoice = context.env(VOICE_VARIABLE).orElse(DEFAULT_VOICE_ID);
        this.format = context.env(FORMAT_VARIABLE).orElse(DEFAULT_FORMAT);
        if (!format.matches("pcm_(8000|16000|22050|24000|32000|44100|48000)")) {
            throw new InputException(ElevenLabsModule.VENDOR + ": " + FORMAT_VARIABLE + " must be a pcm_<rate> format such as pcm_24000"
                    + " (Reelwright writes WAV), got '" + format + "'");
        }
        this.sampleRate = Integer.parseInt(format.substring("pcm_".length()));
    }

    @Override
    public String id() {
        return model.id() + "@" + model.model() + "/" + format + "/default-voice=" + defaultVoice;
    }

    @Override
    public List<String> voices() {
        // Any voice id in the user's ElevenLabs library works; this is only the one used when none is named.
        return List.of(defaultVoice);
    }

    @Override
    public Speech synthesize(SpeechRequest request, Path folder) {
        String voice = voiceId(request.voice());
        double speed = Math.clamp(request.wordsPerMinute() / NATURAL_WPM, VoiceSettings.MIN_SPEED, VoiceSettings.MAX_SPEED);
        speed = Math.round(speed * 1000) / 1000.0;
        SpeechBody body = new SpeechBody(request.text(), model.model(), new VoiceSettings(speed), seed(voice, speed, request.text()));
        ElevenLabsClient.SpeechReply reply = client.speak(voice, format, body);
        byte[] pcm = decode(reply.audio().audioBase64());
        Path file = folder.resolve(FILE);
        AtomicFiles.writeBytes(file, PcmWav.wrap(pcm, sampleRate));
        try {
            context.verifier().verify(file, MediaVerifier.Expect.AUDIO);
        } catch (RuntimeException e) {
            throw VendorException.wrap(ElevenLabsModule.VENDOR, Kind.BAD_OUTPUT, "the speech audio does not decode (" + e.getMessage() + ")", e);
        }
        double seconds = PcmWav.seconds(pcm, sampleRate);
        Optional<List<WordTiming>> aligned = WordAlignment.aligned(request.text(), reply.audio().alignment(), seconds);
        List<WordTiming> words = aligned.orElseGet(() -> EstimatedTimings.spread(request.text(), seconds));
        int characters = reply.characterCost().orElse(request.text().length());
        Charge charge = Pricing.characters(model, characters);
        return new Speech(FILE, sampleRate, seconds, words, charge, aligned.isPresent() ? TimingSource.VENDOR_ALIGNMENT : TimingSource.ESTIMATED);
    }

    String voiceId(String requested) {
        String voice = requested == null ? "" : requested.strip();
        return voice.isEmpty() || voice.equals(LOCAL_DEFAULT_VOICE) ? defaultVoice : voice;
    }

    private byte[] decode(String base64) {
        byte[] pcm;
        try {
            pcm = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw VendorException.wrap(ElevenLabsModule.VENDOR, Kind.BAD_OUTPUT, "audio_base64 is not base64", e);
        }
        if (pcm.length < 2) throw VendorException.of(ElevenLabsModule.VENDOR, Kind.BAD_OUTPUT, "the answer holds no audio");
        boolean container = (pcm.length > 3 && pcm[0] == 'I' && pcm[1] == 'D' && pcm[2] == '3')
                || (pcm.length > 4 && pcm[0] == 'R' && pcm[1] == 'I' && pcm[2] == 'F' && pcm[3] == 'F')
                || (pcm.length > 4 && pcm[0] == 'O' && pcm[1] == 'g' && pcm[2] == 'g' && pcm[3] == 'S');
        if (container) {
            throw VendorException.of(ElevenLabsModule.VENDOR, Kind.BAD_OUTPUT, "asked for raw PCM (" + format + ") but got an encoded file");
        }
        return pcm;
    }

    private long seed(String voice, double speed, String text) {
        CRC32 crc = new CRC32();
        crc.update((model.model() + "\n" + voice + "\n" + speed + "\n" + text).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
