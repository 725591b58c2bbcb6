package dev.reelwright.providers.elevenlabs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.Speech;
import dev.reelwright.core.spi.SpeechRequest;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.core.spi.VoiceCloner;
import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import dev.reelwright.providers.testing.TestContexts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ElevenLabs speech with timestamps and instant voice cloning against a fake (PROVIDERS.md §7, elevenlabs.json). */
class ElevenLabsContractTest {
    static final String KEY = ElevenLabsFake.KEY;
    static final ModelCatalog CATALOG = ModelCatalog.bundled();
    static final ModelEntry TTS = CATALOG.find("elevenlabs/multilingual-v2").orElseThrow();
    static final ModelEntry CLONE = CATALOG.find("elevenlabs/instant-voice-clone").orElseThrow();
    static final String DEFAULT_PATH = "/v1/text-to-speech/" + ElevenLabsSpeechSynthesizer.DEFAULT_VOICE_ID + "/with-timestamps";
    static final String TEXT = "Hello, world!  It's  3 o'clock — time to go.";

    @TempDir Path dir;
    FakeServer server;
    TestContexts.Recorder recorder;
    Map<String, String> env;

    @BeforeEach
    void setUp() {
        server = new FakeServer();
        recorder = new TestContexts.Recorder();
        env = new HashMap<>(Map.of("ELEVENLABS_API_KEY", KEY));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    VendorContext context() {
        return TestContexts.pointingAt(server, "elevenlabs", env, recorder);
    }

    SpeechSynthesizer synthesizer() {
        return new ElevenLabsModule().speech(TTS, context()).orElseThrow();
    }

    /** The answer ElevenLabs gives: PCM at 24 kHz, one alignment entry per character of the text, 50 ms each. */
    static String answer(String text, double pcmSeconds) {
        return ElevenLabsFake.withTimestamps(text, pcmSeconds, 0, 0.05);
    }

    @Test
    void happyPathSendsTheDocumentedRequestAndReturnsAWavWithTheInputWordsTimed() throws IOException {
        server.on("POST", DEFAULT_PATH, Answer.json(200, answer(TEXT, 3.0)).withHeader("character-cost", "44").withHeader("request-id", "req-1"));

        Speech speech = synthesizer().synthesize(new SpeechRequest(TEXT, "kevin16", 165), dir);

        FakeServer.Recorded sent = server.requests().getFirst();
        assertThat(server.requests()).hasSize(1);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/text-to-speech/JBFqnCBsd6RMkjVDRZzb/with-timestamps");
        assertThat(sent.query()).isEqualTo("output_format=pcm_24000");
        assertThat(sent.header("xi-api-key")).isEqualTo(KEY);
        assertThat(sent.header("content-type")).isEqualTo("application/json");
        JsonNode body = sent.json();
        assertThat(body.path("text").asText()).isEqualTo(TEXT);
        assertThat(body.path("model_id").asText()).isEqualTo("eleven_multilingual_v2");
        assertThat(body.path("voice_settings").path("speed").asDouble()).isEqualTo(1.1);
        assertThat(body.path("seed").isIntegralNumber()).isTrue();
        assertThat(body.path("seed").asLong()).isBetween(0L, 4_294_967_295L);

        assertThat(speech.file()).isEqualTo("voice.wav");
        assertThat(speech.sampleRate()).isEqualTo(24_000);
        assertThat(speech.seconds()).isEqualTo(3.0);
        byte[] wav = Files.readAllBytes(dir.resolve("voice.wav"));
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getShort(22)).isEqualTo((short) 1);     // mono
        assertThat(header.getInt(24)).isEqualTo(24_000);          // sample rate
        assertThat(header.getShort(34)).isEqualTo((short) 16);    // bits
        assertThat(header.getInt(40)).isEqualTo(wav.length - 44); // data size
        assertThat(wav.length - 44).isEqualTo(3 * 24_000 * 2);

        List<WordTiming> words = speech.words();
        assertThat(words).extracting(WordTiming::word).containsExactly(TEXT.strip().split("\\s+"));
        assertThat(words).extracting(WordTiming::word).containsExactly("Hello,", "world!", "It's", "3", "o'clock", "—", "time", "to", "go.");
        for (int i = 1; i < words.size(); i++) {
            assertThat(words.get(i).start()).isGreaterThanOrEqualTo(words.get(i - 1).end());
        }
        assertThat(words.getFirst().start()).isEqualTo(0.0);
        assertThat(words.getFirst().end()).isEqualTo(0.30);                     // "Hello," = characters 0..5
        assertThat(words.get(1).start()).isEqualTo(0.35);                       // "world!" starts at character 7
        assertThat(words.getLast().end()).isEqualTo(TEXT.length() * 0.05, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(speech.charge()).isEqualTo(new Charge("elevenlabs", "eleven_multilingual_v2", 44 / 1000.0 * TTS.price("per_1k_characters"), true));
        assertThat(speech.timingSource()).isEqualTo(Speech.TimingSource.VENDOR_ALIGNMENT);
    }

    @Test
    void withoutAnAlignmentTheTimingsAreEstimatedAndSaySo() {
        server.on("POST", DEFAULT_PATH, Answer.json(200, answer("Two words.", 1.0).replaceAll("\"alignment\":\\{[^}]*}", "\"alignment\":null")));

        Speech speech = synthesizer().synthesize(new SpeechRequest("Two words.", "kevin16", 150), dir);

        assertThat(speech.words()).extracting(WordTiming::word).containsExactly("Two", "words.");
        assertThat(speech.timingSource()).isEqualTo(Speech.TimingSource.ESTIMATED);
    }

    @Test
    void aNamedVoiceIdGoesIntoThePathAndPaceIsClamped() {
        String voice = "21m00Tcm4TlvDq8ikWAM";
        server.on("POST", "/v1/text-to-speech/" + voice + "/with-timestamps", Answer.json(200, answer("Fast words.", 0.5)));
        server.on("POST", DEFAULT_PATH, Answer.json(200, answer("Slow words.", 0.5)));

        Speech fast = synthesizer().synthesize(new SpeechRequest("Fast words.", voice, 400), dir);
        synthesizer().synthesize(new SpeechRequest("Slow words.", " ", 40), dir);

        assertThat(server.requests().get(0).json().path("voice_settings").path("speed").asDouble()).isEqualTo(1.2);
        assertThat(server.requests().get(1).json().path("voice_settings").path("speed").asDouble()).isEqualTo(0.7);
        // No character-cost header: the text's length stands in.
        assertThat(fast.charge().usd()).isEqualTo("Fast words.".length() / 1000.0 * TTS.price("per_1k_characters"));
    }

    @Test
    void defaultVoiceAndFormatComeFromTheEnvironment() {
        env.put("ELEVENLABS_VOICE_ID", "EXAVITQu4vr4xnSDxMaL");
        env.put("ELEVENLABS_OUTPUT_FORMAT", "pcm_16000");
        server.on("POST", "/v1/text-to-speech/EXAVITQu4vr4xnSDxMaL/with-timestamps", Answer.json(200, answer("Hi.", 1.0)));

        Speech speech = synthesizer().synthesize(new SpeechRequest("Hi.", "kevin16", 150), dir);

        assertThat(server.requests().getFirst().query()).isEqualTo("output_format=pcm_16000");
        assertThat(speech.sampleRate()).isEqualTo(16_000);
        assertThat(speech.seconds()).isEqualTo(1.5); // the fake's 24 000 two-byte samples read at 16 kHz
        env.put("ELEVENLABS_OUTPUT_FORMAT", "mp3_44100_128");
        assertThatThrownBy(this::synthesizer).isInstanceOf(InputException.class).hasMessageContaining("pcm_");
    }

    @Test
    void badKeyIsAuthenticationNamingTheVariableWithoutTheKey() {
        server.on("POST", DEFAULT_PATH, Answer.json(401,
                "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key\"}}"));

        assertThatThrownBy(() -> synthesizer().synthesize(new SpeechRequest(TEXT, "", 150), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("ELEVENLABS_API_KEY").doesNotContain(KEY);
                });
        assertThat(server.requests()).hasSize(1);
        assertThat(dir.resolve("voice.wav")).doesNotExist();
    }

    @Test
    void validationErrorNamesTheField() {
        server.on("POST", DEFAULT_PATH, Answer.json(422,
                "{\"detail\":[{\"loc\":[\"body\",\"text\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}"));

        assertThatThrownBy(() -> synthesizer().synthesize(new SpeechRequest(TEXT, "", 150), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.parameter()).contains("text");
                    assertThat(e.getMessage()).contains("field required");
                });
    }

    @Test
    void tooManyConcurrentRequestsWaitsRetryAfterThenSucceeds() {
        // ElevenLabs refuses the request before any work when the plan's concurrency is used up: safe to send again.
        server.on("POST", DEFAULT_PATH,
                Answer.json(429, "{\"detail\":{\"status\":\"too_many_concurrent_requests\",\"message\":\"Too many concurrent requests.\"}}")
                        .withHeader("Retry-After", "3"),
                Answer.json(200, answer("Again.", 0.5)));

        Speech speech = synthesizer().synthesize(new SpeechRequest("Again.", "", 150), dir);

        assertThat(speech.words()).extracting(WordTiming::word).containsExactly("Again.");
        assertThat(recorder.sleeps).containsExactly(Duration.ofSeconds(3));
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void persistentSystemBusyGivesUpAsRateLimited() {
        server.on("POST", DEFAULT_PATH, Answer.json(429, "{\"detail\":{\"status\":\"system_busy\",\"message\":\"busy\"}}"));

        assertThatThrownBy(() -> synthesizer().synthesize(new SpeechRequest("Again.", "", 150), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED));
        assertThat(server.requests()).hasSize(5); // the first try and the policy's 4 retries
    }

    @Test
    void quotaAndUnknownVoiceAreNamed() {
        server.on("POST", DEFAULT_PATH, Answer.json(401, "{\"detail\":{\"status\":\"quota_exceeded\",\"message\":\"This request exceeds your quota.\"}}"));
        server.on("POST", "/v1/text-to-speech/Rachel/with-timestamps",
                Answer.json(400, "{\"detail\":{\"status\":\"voice_not_found\",\"message\":\"A voice with the voice_id Rachel was not found.\"}}"));

        assertThatThrownBy(() -> synthesizer().synthesize(new SpeechRequest(TEXT, "", 150), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXHAUSTED));
        assertThatThrownBy(() -> synthesizer().synthesize(new SpeechRequest(TEXT, "Rachel", 150), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.parameter()).contains("voice_id");
                });
    }

    @Test
    void serverErrorIsAnOutageAndNotResent() {
        server.on("POST", DEFAULT_PATH, Answer.json(500, "{\"detail\":{\"status\":\"internal_error\",\"message\":\"oops\"}}"));

        assertThatThrownBy(() -> synthesizer().synthesize(new SpeechRequest(TEXT, "", 150), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.OUTAGE));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void encodedAudioInsteadOfPcmIsBadOutput() {
        String mp3 = Base64.getEncoder().encodeToString("ID3\u0004\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        server.on("POST", DEFAULT_PATH, Answer.json(200, "{\"audio_base64\":\"" + mp3 + "\",\"alignment\":null}"));

        assertThatThrownBy(() -> synthesizer().synthesize(new SpeechRequest(TEXT, "", 150), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT));
    }

    @Test
    void cloneSendsOneFilesPartPerSampleAndReturnsTheVoiceId() throws IOException {
        server.on("POST", "/v1/voices/add", Answer.json(200, "{\"voice_id\":\"c38kUX8pkfYO2kHyqfFy\",\"requires_verification\":false}"));
        Path first = Files.write(dir.resolve("take1.mp3"), "ID3-first-sample".getBytes(StandardCharsets.US_ASCII));
        Path second = Files.write(dir.resolve("take2.wav"), "RIFF-second-sample".getBytes(StandardCharsets.US_ASCII));
        VoiceCloner cloner = new ElevenLabsModule().voiceCloner(CLONE, context()).orElseThrow();

        VoiceCloner.ClonedVoice voice = cloner.cloneVoice("Narrator", List.of(first, second));

        assertThat(voice.voiceId()).isEqualTo("c38kUX8pkfYO2kHyqfFy");
        assertThat(voice.charge()).isEqualTo(new Charge("elevenlabs", "ivc", CLONE.price("per_clone"), true));
        FakeServer.Recorded sent = server.requests().getFirst();
        assertThat(sent.header("xi-api-key")).isEqualTo(KEY);
        String contentType = sent.header("content-type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        List<Part> parts = parts(sent.body(), contentType.substring(contentType.indexOf("boundary=") + 9));
        assertThat(parts).extracting(Part::name).containsExactly("name", "files", "files", "remove_background_noise");
        assertThat(parts.get(0).text()).isEqualTo("Narrator");
        assertThat(parts.get(1).filename()).isEqualTo("take1.mp3");
        assertThat(parts.get(1).contentType()).isEqualTo("audio/mpeg");
        assertThat(parts.get(1).text()).isEqualTo("ID3-first-sample");
        assertThat(parts.get(2).filename()).isEqualTo("take2.wav");
        assertThat(parts.get(2).contentType()).isEqualTo("audio/wav");
        assertThat(parts.get(2).text()).isEqualTo("RIFF-second-sample");
        assertThat(parts.get(3).text()).isEqualTo("false");
    }

    @Test
    void checkListsModels() {
        server.on("GET", "/v1/models", Answer.json(200,
                "[{\"model_id\":\"eleven_multilingual_v2\",\"can_do_text_to_speech\":true},{\"model_id\":\"eleven_flash_v2_5\",\"can_do_text_to_speech\":true}]"));

        assertThat(new ElevenLabsModule().check(context())).contains("2 models");
        assertThat(server.requests().getFirst().header("xi-api-key")).isEqualTo(KEY);
    }

    @Test
    void withoutAKeyTheModuleSaysWhichVariableToSet() {
        env.clear();
        assertThat(new ElevenLabsModule().configured(context())).isFalse();
        assertThatThrownBy(this::synthesizer).isInstanceOf(InputException.class).hasMessageContaining("ELEVENLABS_API_KEY");
    }

    record Part(String name, String filename, String contentType, String text) {}

    /** A small multipart/form-data reader, enough to check what the cloner sent. */
    static List<Part> parts(byte[] body, String boundary) {
        String all = new String(body, StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        assertThat(all).endsWith("--" + boundary + "--\r\n");
        for (String chunk : all.split("--" + java.util.regex.Pattern.quote(boundary))) {
            if (chunk.isEmpty() || chunk.startsWith("--")) continue;
            int split = chunk.indexOf("\r\n\r\n");
            String head = chunk.substring(2, split);
            String content = chunk.substring(split + 4, chunk.length() - 2);
            String name = value(head, "name=\"");
            String filename = value(head, "filename=\"");
            String type = null;
            for (String line : head.split("\r\n")) if (line.startsWith("Content-Type: ")) type = line.substring(14);
            parts.add(new Part(name, filename, type, content));
        }
        return parts;
    }

    private static String value(String head, String key) {
        int at = head.indexOf("; " + key);
        if (at < 0) return null;
        int start = at + 2 + key.length();
        return head.substring(start, head.indexOf('"', start));
    }
}
