package dev.reelwright.providers.elevenlabs;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.VoiceCloner;
import dev.reelwright.providers.elevenlabs.api.AddVoiceResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * ElevenLabs instant voice cloning: {@code POST /v1/voices/add} with the samples as repeated {@code files} parts.
 * The returned voice id is what {@link ElevenLabsSpeechSynthesizer} takes as a voice. Background-noise removal is
 * left off (ElevenLabs warns it can make clean samples worse). The charge is the catalog's {@code per_clone}
 * estimate; instant clones are part of the subscription.
 */
public final class ElevenLabsVoiceCloner implements VoiceCloner {
    private final ModelEntry model;
    private final ElevenLabsClient client;

    ElevenLabsVoiceCloner(ModelEntry model, ElevenLabsClient client) {
        this.model = model;
        this.client = client;
    }

    @Override
    public String id() {
        return model.id() + "@" + model.model();
    }

    @Override
    public ClonedVoice cloneVoice(String name, List<Path> samples) {
        if (name == null || name.isBlank()) throw new InputException(ElevenLabsModule.VENDOR + ": a cloned voice needs a name");
        if (samples == null || samples.isEmpty()) throw new InputException(ElevenLabsModule.VENDOR + ": voice cloning needs at least one sample");
        Multipart form = new Multipart().field("name", name.strip());
        for (Path sample : samples) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(sample);
            } catch (IOException e) {
                throw new InputException("cannot read voice sample " + sample + ": " + e.getMessage(), e);
            }
            form.file("files", sample.getFileName().toString(), contentType(sample), bytes);
        }
        form.field("remove_background_noise", "false");
        AddVoiceResponse added = client.addVoice(form);
        if (added.voiceId().isBlank()) {
            throw VendorException.of(ElevenLabsModule.VENDOR, Kind.BAD_OUTPUT, "the voice was added but no voice_id came back");
        }
        // requires_verification: ElevenLabs may ask the account owner to verify the voice in its web app before
        // it speaks; the id is still the right one to keep, so it is returned either way.
        return new ClonedVoice(added.voiceId(), new Charge(model.vendor(), model.model(), model.price("per_clone"), true));
    }

    private static String contentType(Path sample) {
        String name = sample.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp3")) return "audio/mpeg";
        if (name.endsWith(".wav")) return "audio/wav";
        if (name.endsWith(".m4a") || name.endsWith(".mp4")) return "audio/mp4";
        if (name.endsWith(".flac")) return "audio/flac";
        if (name.endsWith(".ogg") || name.endsWith(".opus")) return "audio/ogg";
        if (name.endsWith(".webm")) return "audio/webm";
        return "application/octet-stream";
    }
}
