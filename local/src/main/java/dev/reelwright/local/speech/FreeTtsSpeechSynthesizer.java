package dev.reelwright.local.speech;

import dev.reelwright.media.audio.WavFile;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.spi.Speech;
import dev.reelwright.core.spi.SpeechRequest;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.core.spi.WordTiming;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Offline speech with FreeTTS 1.2.2 and its bundled CMU Kal diphone voices: "kevin16" (16 kHz, the default) and
 * "kevin" (8 kHz). Writes {@value #FILE} (mono 16-bit PCM at the voice's own rate) and times every written word of
 * the request from FreeTTS's own segment timings (see {@link FreeTtsVoice}), mapped back onto the script's words by
 * {@link WordAligner}.
 *
 * <p>Thread-safe. FreeTTS is not: a voice carries per-call state, the two Kal voices share one lexicon, and FreeTTS
 * keeps static state, so all FreeTTS work in this JVM runs under one lock. Allocated voices are cached for the life
 * of the JVM, as allocating one loads the lexicon and diphone database (a few hundred milliseconds).
 */
public final class FreeTtsSpeechSynthesizer implements SpeechSynthesizer {
    /** Bump the version whenever the audio or the timings for the same request change: it is part of cache keys. */
    public static final String ID = "freetts-kevin16-v1";
    public static final String FILE = "voice.wav";
    /** The Kal voices of {@link KevinVoiceDirectory}; its directory's third voice, "alan", only says clock times. */
    private static final List<String> VOICES = List.of("kevin16", "kevin");
    private static final double SILENCE_SECONDS = 0.1;

    private static final Object LOCK = new Object();
    private static Voice[] kalVoices; // guarded by LOCK; one directory, so its voices share a lexicon
    private static final Map<String, FreeTtsVoice> ALLOCATED = new HashMap<>(); // guarded by LOCK

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\u2018\u2019\u201A\u201B\u2032]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\u201C\u201D\u201E\u201F\u2033]");
    private static final Pattern DASHES = Pattern.compile("\\s*[\u2012\u2013\u2014\u2015]\\s*");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> voices() {
        return VOICES;
    }

    @Override
    public Speech synthesize(SpeechRequest request, Path folder) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(folder, "folder");
        String voiceName = request.voice().strip().toLowerCase(Locale.ROOT);
        if (!VOICES.contains(voiceName)) {
            throw new InputException("unknown voice '" + request.voice() + "'; FreeTTS speaks: " + String.join(", ", VOICES));
        }
        if (request.wordsPerMinute() >= 1000) {
            throw new InputException("words per minute must be below 1000 for FreeTTS, got " + request.wordsPerMinute());
        }

        List<String> words = WordAligner.words(request.text());
        FreeTtsVoice.Rendering rendering;
        synchronized (LOCK) {
            FreeTtsVoice voice = allocated(voiceName);
            rendering = words.isEmpty()
                    ? new FreeTtsVoice.Rendering(new byte[0], voice.sampleRate(), List.of())
                    : voice.render(speakable(request.text()), request.wordsPerMinute());
        }

        int rate = rendering.sampleRate();
        byte[] pcm = rendering.pcm();
        // Nothing to say (blank text, or only punctuation): a short silence keeps the audio a valid, playable file.
        if (pcm.length == 0) pcm = new byte[2 * (int) Math.round(rate * SILENCE_SECONDS)];
        double seconds = pcm.length / 2.0 / rate;
        List<WordTiming> timings = WordAligner.align(words, rendering.tokens(), seconds);
        WavFile.writeMono16(folder.resolve(FILE), pcm, rate);
        return new Speech(FILE, rate, seconds, timings);
    }

    /**
     * The text as FreeTTS reads it best: accents dropped ("café" would lose its "é"), typographic quotes made ASCII
     * (FreeTTS spells out a curly apostrophe, "don’t" becomes "don ... tee") and dashes made commas (a pause, where
     * FreeTTS would say nothing). It keeps the letters and digits of {@link WordAligner#key} in order, which is what
     * lets the aligner find the script's words among FreeTTS's tokens.
     */
    static String speakable(String text) {
        String plain = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        plain = SINGLE_QUOTES.matcher(plain).replaceAll("'");
        plain = DOUBLE_QUOTES.matcher(plain).replaceAll("\"");
        return DASHES.matcher(plain).replaceAll(", ");
    }

    /** The allocated voice called {@code name}; caller holds {@link #LOCK}. */
    private static FreeTtsVoice allocated(String name) {
        FreeTtsVoice voice = ALLOCATED.get(name);
        if (voice != null) return voice;
        if (kalVoices == null) kalVoices = new KevinVoiceDirectory().getVoices();
        for (Voice candidate : kalVoices) {
            if (!candidate.getName().equals(name)) continue;
            try {
                voice = new FreeTtsVoice(candidate);
            } catch (Error e) {
                // Voice.allocate() wraps a failure to read its lexicon or database in an Error.
                if (e.getCause() instanceof IOException) throw new ReelwrightException("cannot load FreeTTS voice " + name, e);
                throw e;
            }
            ALLOCATED.put(name, voice);
            return voice;
        }
        throw new ReelwrightException("FreeTTS has no voice " + name + " in this build");
    }
}
