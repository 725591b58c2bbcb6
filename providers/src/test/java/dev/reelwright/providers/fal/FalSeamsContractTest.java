package dev.reelwright.providers.fal;

import static dev.reelwright.providers.fal.FalFake.KEY;
import static dev.reelwright.providers.fal.FalFake.completed;
import static dev.reelwright.providers.fal.FalFake.inProgress;
import static dev.reelwright.providers.fal.FalFake.json;
import static dev.reelwright.providers.fal.FalFake.queued;
import static dev.reelwright.providers.fal.FalFake.requestPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.model.Mood;
import dev.reelwright.core.spi.ImageGenerator;
import dev.reelwright.core.spi.KeyframeRequest;
import dev.reelwright.core.spi.LipSyncer;
import dev.reelwright.core.spi.Speech;
import dev.reelwright.core.spi.SpeechRequest;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.core.spi.VoiceCloner;
import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import dev.reelwright.providers.testing.FakeServer.Recorded;
import dev.reelwright.providers.testing.TestContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyframes, lip sync, speech, voice cloning and the key check against the fake fal. */
class FalSeamsContractTest {
    private static final ModelCatalog CATALOG = ModelCatalog.bundled();
    private static final ModelEntry FLUX_PRO = CATALOG.find("fal/flux-pro-v1.1").orElseThrow();
    private static final ModelEntry FLUX_DEV = CATALOG.find("fal/flux-dev").orElseThrow();
    private static final ModelEntry AVATAR = CATALOG.find("fal/kling-avatar-v2-pro").orElseThrow();
    private static final ModelEntry SPEECH = CATALOG.find("fal/minimax-speech-2.8-hd").orElseThrow();
    private static final ModelEntry CLONE = CATALOG.find("fal/minimax-voice-clone").orElseThrow();

    @TempDir
    Path dir;

    private final FakeServer server = new FakeServer();
    private final TestContexts.Recorder recorder = new TestContexts.Recorder();
    private final FalModule module = new FalModule(CATALOG);
    private Path folder;

    @BeforeEach
    void folder() throws IOException {
        folder = Files.createDirectories(dir.resolve("step"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private VendorContext context() {
        return TestContexts.pointingAt(server, "fal", FalFake.env(), recorder);
    }

    /** Submit, one IN_PROGRESS poll, COMPLETED, then the result JSON. */
    private void job(String endpoint, String requestId, String result) {
        server.on("POST", "/" + endpoint, queued(server, endpoint, requestId));
        server.on("GET", requestPath(endpoint, requestId) + "/status", inProgress(server, endpoint, requestId), completed(server, endpoint, requestId));
        server.on("GET", requestPath(endpoint, requestId), Answer.json(200, json(result)));
    }

    @Test
    void fluxKeyframeSendsSizeSeedPngAndDownloadsImagesZero() throws IOException {
        String endpoint = FLUX_PRO.model();
        job(endpoint, "img-1", "{'images':[{'url':'" + server.baseUrl() + "/files/key.png','width':1280,'height':720,'content_type':'image/png'}],"
                + "'seed':7,'has_nsfw_concepts':[false],'prompt':'x','timings':{}}");
        server.on("GET", "/files/key.png", Answer.bytes(200, "image/png", TestContexts.fakePng()));
        ImageGenerator images = module.images(FLUX_PRO, context()).orElseThrow();

        ImageGenerator.GeneratedImage image = images.generate(new KeyframeRequest("A red fox in snow", Mood.CALM, 7, 1280, 720), folder);

        assertThat(Files.readAllBytes(folder.resolve(image.file()))).isEqualTo(TestContexts.fakePng());
        assertThat(image.charge().usd()).isEqualTo(0.04);
        assertThat(image.charge().estimated()).isTrue();
        Recorded submit = server.requests("POST", "/fal-ai/flux-pro/v1.1").getFirst();
        assertThat(submit.header("Authorization")).isEqualTo("Key " + KEY);
        JsonNode body = submit.json();
        assertThat(body.path("prompt").asText()).isEqualTo("A red fox in snow");
        assertThat(body.path("image_size").path("width").asInt()).isEqualTo(1280);
        assertThat(body.path("image_size").path("height").asInt()).isEqualTo(720);
        assertThat(body.path("seed").asLong()).isEqualTo(7);
        assertThat(body.path("num_images").asInt()).isEqualTo(1);
        assertThat(body.path("output_format").asText()).isEqualTo("png");
        assertThat(server.requests("GET", "/fal-ai/flux-pro/requests/img-1/status")).hasSize(2);
        assertThat(server.requests("GET", "/fal-ai/flux-pro/requests/img-1")).hasSize(1);
        assertThat(recorder.submitted).extracting(id -> id.id()).containsExactly("img-1");
    }

    @Test
    void anImageFlaggedBySafetyCheckerIsAContentPolicyRefusal() {
        String endpoint = FLUX_DEV.model();
        job(endpoint, "img-2", "{'images':[{'url':'" + server.baseUrl() + "/files/black.png','width':1024,'height':768}],'seed':1,"
                + "'has_nsfw_concepts':[true],'prompt':'x','timings':{}}");
        ImageGenerator images = module.images(FLUX_DEV, context()).orElseThrow();

        VendorException error = catchThrowableOfType(VendorException.class,
                () -> images.generate(new KeyframeRequest("x", Mood.CALM, 1, 1024, 768), folder));

        assertThat(error.kind()).isEqualTo(Kind.CONTENT_POLICY);
        assertThat(server.requests("GET", "/files/black.png")).isEmpty();
        assertThat(server.requests("POST", "/fal-ai/flux/dev")).hasSize(1);
    }

    @Test
    void aBadKeyOnTheImagePathNamesFalKey() {
        server.on("POST", "/" + FLUX_DEV.model(), Answer.json(401, json("{'detail':'Cannot access application: invalid credentials'}")));
        ImageGenerator images = module.images(FLUX_DEV, context()).orElseThrow();

        VendorException error = catchThrowableOfType(VendorException.class,
                () -> images.generate(new KeyframeRequest("x", Mood.CALM, 1, 1024, 768), folder));

        assertThat(error.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(error.getMessage()).contains("FAL_KEY").doesNotContain(KEY);
    }

    @Test
    void aMissingKeySaysWhichVariableToSet() {
        VendorContext noKey = TestContexts.pointingAt(server, "fal", Map.of(), recorder);
        ImageGenerator images = module.images(FLUX_DEV, noKey).orElseThrow();

        assertThatThrownBy(() -> images.generate(new KeyframeRequest("x", Mood.CALM, 1, 1024, 768), folder))
                .isInstanceOf(InputException.class).hasMessageContaining("FAL_KEY");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void avatarUploadsImageAndAudioAndReturnsTheTalkingClip() throws IOException {
        Path face = Files.write(dir.resolve("face.img"), TestContexts.fakePng());
        Path voice = Files.write(dir.resolve("voice.wav"), FalFake.wav());
        FalFake.uploads(server, server, "face.png", "voice.wav");
        String endpoint = AVATAR.model();
        job(endpoint, "av-1", "{'video':{'url':'" + server.baseUrl() + "/files/avatar.mp4','content_type':'video/mp4'},'duration':4.2}");
        server.on("GET", "/files/avatar.mp4", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(2048)));
        LipSyncer lipSync = module.lipSync(AVATAR, context()).orElseThrow();

        VideoGenerator.GeneratedClip clip = lipSync.lipSync(new LipSyncer.LipSyncRequest(face, voice, "A calm narrator", 3), folder);

        assertThat(Files.readAllBytes(folder.resolve(clip.file()))).isEqualTo(TestContexts.fakeMp4(2048));
        assertThat(clip.frames()).isEqualTo((int) Math.round(4.2 * FalLipSyncer.NOMINAL_FPS));
        assertThat(clip.charge().usd()).isCloseTo(0.115 * 4.2, within(1e-9));
        List<Recorded> initiates = server.requests("POST", "/storage/upload/initiate");
        assertThat(initiates).extracting(r -> r.json().path("content_type").asText()).containsExactly("image/png", "audio/wav");
        assertThat(server.requests("PUT", "/put/face.png").getFirst().body()).isEqualTo(TestContexts.fakePng());
        assertThat(server.requests("PUT", "/put/voice.wav").getFirst().body()).isEqualTo(FalFake.wav());
        Recorded submit = server.requests("POST", "/fal-ai/kling-video/ai-avatar/v2/pro").getFirst();
        assertThat(submit.header("Authorization")).isEqualTo("Key " + KEY);
        JsonNode body = submit.json();
        assertThat(body.path("image_url").asText()).isEqualTo("https://v3b.fal.media/files/b/face.png");
        assertThat(body.path("audio_url").asText()).isEqualTo("https://v3b.fal.media/files/b/voice.wav");
        assertThat(body.path("prompt").asText()).isEqualTo("A calm narrator");
        assertThat(server.requests("GET", "/fal-ai/kling-video/requests/av-1/status")).hasSize(2);
    }

    @Test
    void speechAsksForAUrlWithTheDefaultVoiceAndEstimatesWordTimings() throws IOException {
        String endpoint = SPEECH.model();
        job(endpoint, "tts-1", "{'audio':{'url':'" + server.baseUrl() + "/files/speech.mp3','content_type':'audio/mpeg'},'duration_ms':2500}");
        server.on("GET", "/files/speech.mp3", Answer.bytes(200, "audio/mpeg", FalFake.mp3()));
        SpeechSynthesizer speech = module.speech(SPEECH, context()).orElseThrow();
        String text = "Every harbour has a story. This one begins at dawn.";

        Speech spoken = speech.synthesize(new SpeechRequest(text, "kevin16", 150), folder);

        assertThat(Files.readAllBytes(folder.resolve(spoken.file()))).isEqualTo(FalFake.mp3());
        assertThat(spoken.seconds()).isEqualTo(2.5);
        assertThat(spoken.sampleRate()).isEqualTo(32000);
        assertThat(spoken.words()).extracting(WordTiming::word).containsExactly(text.split(" "));
        assertThat(spoken.words().getLast().end()).isLessThanOrEqualTo(2.5);
        assertThat(spoken.timingSource()).isEqualTo(Speech.TimingSource.ESTIMATED); // MiniMax returns no timings
        assertThat(spoken.charge().usd()).isCloseTo(0.10 * text.length() / 1000, within(1e-12));
        assertThat(spoken.charge().estimated()).isTrue();
        Recorded submit = server.requests("POST", "/fal-ai/minimax/speech-2.8-hd").getFirst();
        assertThat(submit.header("Authorization")).isEqualTo("Key " + KEY);
        JsonNode body = submit.json();
        assertThat(body.path("prompt").asText()).isEqualTo(text);
        assertThat(body.path("voice_setting").path("voice_id").asText()).isEqualTo("Wise_Woman");
        assertThat(body.path("voice_setting").path("speed").asDouble()).isEqualTo(1.0);
        assertThat(body.path("output_format").asText()).isEqualTo("url");
        assertThat(body.path("audio_setting").path("format").asText()).isEqualTo("mp3");
        assertThat(body.has("text")).isFalse();
        assertThat(server.requests("GET", "/fal-ai/minimax/requests/tts-1/status")).hasSize(2);
    }

    @Test
    void speechPassesAnyOtherVoiceThroughAndBlankMeansTheDefault() {
        FalSpeechSynthesizer speech = (FalSpeechSynthesizer) module.speech(SPEECH, context()).orElseThrow();

        assertThat(speech.input(new SpeechRequest("Hi.", "voice-clone-123", 180)).voiceSetting().voiceId()).isEqualTo("voice-clone-123");
        assertThat(speech.input(new SpeechRequest("Hi.", "voice-clone-123", 180)).voiceSetting().speed()).isEqualTo(1.2);
        assertThat(speech.input(new SpeechRequest("Hi.", " ", 150)).voiceSetting().voiceId()).isEqualTo("Wise_Woman");
        assertThat(speech.voices()).contains("Wise_Woman", "Deep_Voice_Man");
    }

    @Test
    void voiceCloneUploadsTheSampleAndReturnsTheCustomVoiceId() throws IOException {
        Path sample = Files.write(dir.resolve("sample.wav"), FalFake.wav());
        FalFake.uploads(server, server, "sample.wav");
        String endpoint = CLONE.model();
        job(endpoint, "clone-1", "{'custom_voice_id':'Reelwright_Narrator_01','audio':{'url':'" + server.baseUrl() + "/files/preview.mp3'}}");
        VoiceCloner cloner = module.voiceCloner(CLONE, context()).orElseThrow();

        VoiceCloner.ClonedVoice voice = cloner.cloneVoice("Narrator", List.of(sample));

        assertThat(voice.voiceId()).isEqualTo("Reelwright_Narrator_01");
        assertThat(voice.charge().usd()).isEqualTo(1.50);
        assertThat(voice.charge().estimated()).isTrue();
        Recorded submit = server.requests("POST", "/fal-ai/minimax/voice-clone").getFirst();
        assertThat(submit.header("Authorization")).isEqualTo("Key " + KEY);
        assertThat(submit.json().path("audio_url").asText()).isEqualTo("https://v3b.fal.media/files/b/sample.wav");
        assertThat(server.requests("PUT", "/put/sample.wav").getFirst().header("Content-Type")).isEqualTo("audio/wav");
        assertThat(server.requests("GET", "/fal-ai/minimax/requests/clone-1")).hasSize(1);
    }

    @Test
    void aTooShortCloneSampleIsAnInvalidParameter() throws IOException {
        Path sample = Files.write(dir.resolve("short.wav"), FalFake.wav());
        FalFake.uploads(server, server, "short.wav");
        server.on("POST", "/" + CLONE.model(), Answer.json(422, json(
                "{'detail':[{'loc':['body','audio_url'],'msg':'Audio must be at least 10 seconds long','type':'value_error'}]}")));

        VendorException error = catchThrowableOfType(VendorException.class,
                () -> module.voiceCloner(CLONE, context()).orElseThrow().cloneVoice("x", List.of(sample)));

        assertThat(error.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(error.parameter()).contains("audio_url");
    }

    @Test
    void checkAsksThePricingApiWithTheKey() {
        server.on("GET", "/v1/models/pricing", Answer.json(200, json(
                "{'prices':[{'endpoint_id':'fal-ai/flux-pro/v1.1','unit_price':0.04,'unit':'image','currency':'USD'}],'next_cursor':null,'has_more':false}")));

        String answer = module.check(context());

        Recorded call = server.requests("GET", "/v1/models/pricing").getFirst();
        assertThat(call.query()).isEqualTo("endpoint_id=fal-ai%2Fflux-pro%2Fv1.1");
        assertThat(call.header("Authorization")).isEqualTo("Key " + KEY);
        assertThat(answer).contains("fal-ai/flux-pro/v1.1").contains("0.04").contains("image");
    }

    @Test
    void checkWithARefusedKeyIsAnAuthenticationError() {
        server.on("GET", "/v1/models/pricing", Answer.json(401, json("{'detail':'Unauthorized'}")));

        VendorException error = catchThrowableOfType(VendorException.class, () -> module.check(context()));

        assertThat(error.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(error.getMessage()).contains("FAL_KEY").doesNotContain(KEY);
    }

    @Test
    void checkWithAnExhaustedBalanceIsQuota() {
        server.on("GET", "/v1/models/pricing", Answer.json(403, json(
                "{'detail':'User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.'}")));

        VendorException error = catchThrowableOfType(VendorException.class, () -> module.check(context()));

        assertThat(error.kind()).isEqualTo(Kind.QUOTA_EXHAUSTED);
    }

    @Test
    void theModuleServesFalModelsByKindOnly() {
        VendorContext context = context();
        ModelEntry kling = CATALOG.find("fal/kling-v2.1-master-i2v").orElseThrow();
        ModelEntry notFal = CATALOG.byVendor("runway").getFirst();

        assertThat(module.videos(kling, context)).isPresent();
        assertThat(module.images(kling, context)).isEmpty();
        assertThat(module.images(FLUX_DEV, context)).isPresent();
        assertThat(module.lipSync(AVATAR, context)).isPresent();
        assertThat(module.speech(SPEECH, context)).isPresent();
        assertThat(module.voiceCloner(CLONE, context)).isPresent();
        assertThat(module.videos(notFal, context)).isEmpty();
        assertThat(module.vendor()).isEqualTo("fal");
        assertThat(module.keyVariable()).isEqualTo("FAL_KEY");
        assertThat(module.defaultBaseUrl()).isEqualTo("https://queue.fal.run");
        assertThat(module.configured(context)).isTrue();
        assertThat(module.configured(TestContexts.pointingAt(server, "fal", Map.of(), recorder))).isFalse();
        assertThat(module.videos(kling, context).orElseThrow().id()).isEqualTo("fal/kling-v2.1-master-i2v@fal-ai/kling-video/v2.1/master/image-to-video");
    }

    @Test
    void withoutABaseUrlTheDocumentedHostsAreUsed() {
        VendorContext real = new VendorContext(FalFake.env(), Map.of(), dev.reelwright.providers.http.VendorHttp.defaultClient(),
                java.time.Clock.systemUTC(), recorder, java.util.random.RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, recorder);
        FalClient client = new FalClient(real);

        assertThat(client.queueUrl()).hasToString("https://queue.fal.run");
        assertThat(client.storageUrl()).hasToString("https://rest.fal.ai");
        assertThat(client.platformUrl()).hasToString("https://api.fal.ai");

        Map<String, String> env = new java.util.HashMap<>(FalFake.env());
        env.put("FAL_BASE_URL", server.baseUrl() + "/");
        env.put("FAL_PLATFORM_URL", "https://platform.example");
        FalClient byEnvironment = new FalClient(new VendorContext(env, Map.of(), dev.reelwright.providers.http.VendorHttp.defaultClient(),
                java.time.Clock.systemUTC(), recorder, java.util.random.RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, recorder));
        assertThat(byEnvironment.queueUrl()).isEqualTo(server.baseUrl());
        assertThat(byEnvironment.storageUrl()).isEqualTo(server.baseUrl());
        assertThat(byEnvironment.platformUrl()).hasToString("https://platform.example");

        FalClient pointed = new FalClient(context());
        assertThat(pointed.queueUrl()).isEqualTo(server.baseUrl());
        assertThat(pointed.storageUrl()).isEqualTo(server.baseUrl());
        assertThat(pointed.platformUrl()).isEqualTo(server.baseUrl());
    }
}
