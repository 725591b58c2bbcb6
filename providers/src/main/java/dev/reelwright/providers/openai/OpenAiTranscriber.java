package dev.reelwright.providers.openai;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.Transcriber;
import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.providers.openai.api.AudioApi;
import dev.reelwright.providers.spi.VendorContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Audio -> timed words with {@code POST /audio/transcriptions}: multipart {@code file} (named with its extension),
 * {@code model}, {@code response_format=verbose_json} and {@code timestamp_granularities[]=word}, the only combination
 * that returns word timestamps (whisper-1; the gpt-4o transcribe models answer plain json).
 */
public final class OpenAiTranscriber implements Transcriber {
    private static final Map<String, String> TYPES = Map.of("flac", "audio/flac", "mp3", "audio/mpeg", "mp4", "audio/mp4", "mpeg", "audio/mpeg",
            "mpga", "audio/mpeg", "m4a", "audio/mp4", "ogg", "audio/ogg", "wav", "audio/wav", "webm", "audio/webm");

    private final ModelEntry model;
    private final VendorContext context;
    private final OpenAiClient client;

    public OpenAiTranscriber(ModelEntry model, VendorContext context, OpenAiClient client) {
        this.model = model;
        this.context = context;
        this.client = client;
    }

    @Override
    public String id() {
        return model.id() + "@" + model.model();
    }

    @Override
    public Transcript transcribe(Path audio, String language) {
        String name = audio.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = TYPES.get(extension);
        if (type == null) {
            throw VendorException.of(OpenAiErrors.VENDOR, Kind.INVALID_REQUEST, "file: " + name + " is not one of the formats OpenAI transcribes ("
                    + String.join(", ", TYPES.keySet().stream().sorted().toList()) + ")");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(audio);
        } catch (IOException e) {
            throw VendorException.wrap(OpenAiErrors.VENDOR, Kind.INVALID_REQUEST, "cannot read " + name, e);
        }
        Multipart body = new Multipart(context.random())
                .file("file", name, type, bytes)
                .field("model", model.model())
                .field("response_format", "verbose_json")
                .field("timestamp_granularities[]", "word");
        String iso = isoLanguage(language);
        if (iso != null) body.field("language", iso);
        AudioApi.Transcription answer = client.transcribe(body);
        List<WordTiming> words = new ArrayList<>();
        for (AudioApi.Word word : answer.words()) {
            String text = word.word() == null ? "" : word.word().strip();
            if (text.isEmpty() || !(word.start() >= 0)) continue;
            words.add(new WordTiming(text, word.start(), Math.max(word.start(), word.end())));
        }
        double seconds = answer.duration() != null ? answer.duration() : words.isEmpty() ? 0 : words.getLast().end();
        double billed = answer.usage() != null && answer.usage().seconds() != null ? answer.usage().seconds() : seconds;
        return new Transcript(answer.text() == null ? "" : answer.text().strip(), seconds, words, charge(model, billed));
    }

    /** The catalog's per-minute price over the billed seconds: an estimate. */
    static Charge charge(ModelEntry model, double seconds) {
        return new Charge(model.vendor(), model.model(), model.price("per_minute") * seconds / 60.0, true);
    }

    /** ISO-639-1 as the API wants it ("en" from "en", "en-US" or "en_GB"); anything else is left for the model to detect. */
    static String isoLanguage(String language) {
        if (language == null) return null;
        String head = language.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return head.matches("[a-z]{2}") ? head : null;
    }
}
