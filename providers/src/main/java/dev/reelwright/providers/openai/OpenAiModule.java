package dev.reelwright.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.spi.ScenePlanner;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.core.spi.Transcriber;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.providers.remote.RemoteClipGenerator;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.spi.VendorModule;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OpenAI: the planner (Chat Completions, strict JSON schema), speech ({@code /audio/speech}, word timings by
 * transcribing the result), transcription ({@code /audio/transcriptions}) and Sora video ({@code /videos}; retired by
 * OpenAI on 2026-09-24, kept for compatible servers). Base URL {@code https://api.openai.com/v1}, key in
 * {@code OPENAI_API_KEY}.
 */
public final class OpenAiModule implements VendorModule {
    /** The catalog entry whose model times speech words (the only OpenAI transcription model with word timestamps). */
    static final String TIMING_MODEL = "openai/whisper-1";

    private final ModelCatalog catalog;

    public OpenAiModule() {
        this(ModelCatalog.bundled());
    }

    /** {@code catalog}: where the speech synthesiser looks up the transcription model for word timings. */
    public OpenAiModule(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String vendor() {
        return OpenAiErrors.VENDOR;
    }

    @Override
    public String description() {
        return "OpenAI: GPT planner, speech with transcribed word timings, Whisper transcription; Sora video (retired 2026-09-24, compatible servers only)";
    }

    @Override
    public String keyVariable() {
        return OpenAiClient.KEY_VARIABLE;
    }

    @Override
    public String defaultBaseUrl() {
        return "https://api.openai.com/v1";
    }

    @Override
    public Optional<VideoGenerator> videos(ModelEntry model, VendorContext context) {
        if (!serves(model, "video")) return Optional.empty();
        return Optional.of(new RemoteClipGenerator(model, context, new OpenAiVideoJobs(model, context, client(context))));
    }

    @Override
    public Optional<ScenePlanner> planner(ModelEntry model, VendorContext context) {
        return serves(model, "planner") ? Optional.of(new OpenAiPlanner(model, client(context))) : Optional.empty();
    }

    @Override
    public Optional<SpeechSynthesizer> speech(ModelEntry model, VendorContext context) {
        if (!serves(model, "speech")) return Optional.empty();
        Optional<Transcriber> timings = catalog.find(TIMING_MODEL).filter(entry -> !entry.retired()).flatMap(entry -> transcriber(entry, context));
        return Optional.of(new OpenAiSpeech(model, context, client(context), timings));
    }

    @Override
    public Optional<Transcriber> transcriber(ModelEntry model, VendorContext context) {
        return serves(model, "transcription") ? Optional.of(new OpenAiTranscriber(model, context, client(context))) : Optional.empty();
    }

    /** {@code GET /models}: free; also names the catalog's OpenAI models the server does not list (e.g. the retired Sora ones). */
    @Override
    public String check(VendorContext context) {
        OpenAiClient client = client(context);
        JsonNode data = client.models().path("data");
        Set<String> listed = new HashSet<>();
        data.forEach(model -> listed.add(model.path("id").asText()));
        List<String> missing = catalog.byVendor(vendor()).stream().map(ModelEntry::model).filter(id -> !listed.contains(id)).distinct().toList();
        return client.base() + " answered: " + listed.size() + " models" + (missing.isEmpty() ? "" : "; not listed: " + String.join(", ", missing));
    }

    @Override
    public List<String> seams() {
        return List.of("planner", "speech", "transcription", "video");
    }

    private OpenAiClient client(VendorContext context) {
        return new OpenAiClient(context, baseUrl(context));
    }
}
