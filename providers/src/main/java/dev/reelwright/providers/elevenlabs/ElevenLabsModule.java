package dev.reelwright.providers.elevenlabs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.core.spi.VoiceCloner;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.spi.VendorModule;
import java.util.List;
import java.util.Optional;

/** ElevenLabs: speech with character timings, and instant voice cloning. Key in {@code ELEVENLABS_API_KEY}. */
public final class ElevenLabsModule implements VendorModule {
    public static final String VENDOR = "elevenlabs";
    public static final String KEY_VARIABLE = "ELEVENLABS_API_KEY";
    public static final String DEFAULT_BASE_URL = "https://api.elevenlabs.io";

    @Override
    public String vendor() {
        return VENDOR;
    }

    @Override
    public String description() {
        return "ElevenLabs speech with word timings and instant voice cloning (voice = an ElevenLabs voice id; "
                + ElevenLabsSpeechSynthesizer.VOICE_VARIABLE + " sets the default)";
    }

    @Override
    public String keyVariable() {
        return KEY_VARIABLE;
    }

    @Override
    public String defaultBaseUrl() {
        return DEFAULT_BASE_URL;
    }

    @Override
    public Optional<SpeechSynthesizer> speech(ModelEntry model, VendorContext context) {
        if (!serves(model, "speech")) return Optional.empty();
        return Optional.of(new ElevenLabsSpeechSynthesizer(model, context, client(context)));
    }

    @Override
    public Optional<VoiceCloner> voiceCloner(ModelEntry model, VendorContext context) {
        if (!serves(model, "voice_clone")) return Optional.empty();
        return Optional.of(new ElevenLabsVoiceCloner(model, client(context)));
    }

    @Override
    public String check(VendorContext context) {
        JsonNode models = client(context).models();
        long tts = 0;
        for (JsonNode model : models) if (model.path("can_do_text_to_speech").asBoolean(false)) tts++;
        return "ElevenLabs at " + baseUrl(context) + " lists " + models.size() + " models (" + tts + " for text-to-speech)";
    }

    @Override
    public List<String> seams() {
        return List.of("speech", "voice_clone");
    }

    private ElevenLabsClient client(VendorContext context) {
        return new ElevenLabsClient(context, baseUrl(context), context.requireKey(VENDOR, KEY_VARIABLE));
    }
}
