package dev.reelwright.providers.fal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.remote.JobRunner;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.PollPolicy;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.VoiceCloner;
import dev.reelwright.providers.fal.api.VoiceCloneInput;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * MiniMax voice cloning on fal (catalog kind {@code voice_clone}, {@code fal-ai/minimax/voice-clone}): the sample goes
 * to fal's CDN, {@code {"audio_url"}} -> {@code {"custom_voice_id", "audio"}}; the id is what
 * {@link FalSpeechSynthesizer} takes as a voice. fal takes one sample of at least 10 s: the first sample is used and
 * the name is not sent (the API has no name field). How long a cloned voice lives is unconfirmed. The charge is the
 * catalog's {@code per_clone} estimate.
 */
final class FalVoiceCloner implements VoiceCloner {
    private final ModelEntry model;
    private final FalClient client;
    private final JobRunner runner;

    FalVoiceCloner(ModelEntry model, FalClient client) {
        this.model = model;
        this.client = client;
        this.runner = client.context().runner(FalClient.VENDOR, PollPolicy.QUICK);
    }

    @Override
    public String id() {
        return model.id() + "@" + model.model();
    }

    @Override
    public ClonedVoice cloneVoice(String name, List<Path> samples) {
        if (samples == null || samples.isEmpty()) throw new InputException("fal voice cloning needs one audio sample of at least 10 s");
        Path sample = samples.getFirst();
        FalJob job = new FalJob(client, model.model(), () -> new VoiceCloneInput(client.upload(sample).toString()), FalVoiceCloner::outcome);
        runner.run(job, client.context().jobs());
        String voice = job.result().path("custom_voice_id").asText("");
        return new ClonedVoice(voice, new Charge(model.vendor(), model.model(), model.price("per_clone"), true));
    }

    /** The clone has no file to download; success is a voice id (the runner needs an output address: the preview audio). */
    private static JobStatus outcome(JsonNode body) {
        String voice = body.path("custom_voice_id").asText("");
        if (voice.isBlank()) {
            return new JobStatus.Failed(VendorException.of(FalClient.VENDOR, Kind.BAD_OUTPUT, "the result has no custom_voice_id"));
        }
        JobStatus preview = FalJob.file(body, "audio");
        return preview instanceof JobStatus.Succeeded ? preview
                : new JobStatus.Succeeded(List.of(URI.create("urn:fal:voice:" + URLEncoder.encode(voice, StandardCharsets.UTF_8))));
    }
}
