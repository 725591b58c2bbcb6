package dev.reelwright.providers.openai;

import static dev.reelwright.providers.openai.OpenAiFixture.error;
import static dev.reelwright.providers.openai.OpenAiFixture.json;
import static dev.reelwright.providers.openai.OpenAiFixture.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.spi.Speech;
import dev.reelwright.core.spi.SpeechRequest;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.core.spi.Transcriber;
import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.providers.testing.FakeServer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speech (/audio/speech, WAV) with word timings from /audio/transcriptions, and the transcriber on its own. */
class OpenAiSpeechContractTest {
    static final String TEXT = "Every morning, the harbour wakes before the town.";

    @TempDir
    Path dir;
    private final OpenAiFixture fake = new OpenAiFixture();

    @AfterEach
    void tearDown() {
        fake.close();
    }

    static final String HEARD = """
            {"task":"transcribe","language":"english","duration":2.0,"text":"Every morning the harbour wakes before the town.",
             "words":[{"word":"Every","start":0.0,"end":0.22},{"word":"morning","start":0.22,"end":0.58},{"word":"the","start":0.7,"end":0.78},
                      {"word":"harbour","start":0.78,"end":1.1},{"word":"wakes","start":1.1,"end":1.36},{"word":"before","start":1.36,"end":1.6},
                      {"word":"the","start":1.6,"end":1.68},{"word":"town","start":1.68,"end":1.95}],
             "segments":[],"usage":{"type":"duration","seconds":2}}""";

    private SpeechSynthesizer speech(ModelCatalog catalog) {
        return new OpenAiModule(catalog).speech(OpenAiFixture.entry("openai/gpt-4o-mini-tts"), fake.context()).orElseThrow();
    }

    @Test
    void synthesisesWavThenTimesTheWrittenWordsWithWhisper() throws Exception {
        fake.server.on("POST", "/v1/audio/speech", FakeServer.Answer.bytes(200, "audio/wav", OpenAiFixture.streamedWav(24000, 2.0)))
                .on("POST", "/v1/audio/transcriptions", json(200, HEARD));

        Speech speech = speech(OpenAiFixture.CATALOG).synthesize(new SpeechRequest(TEXT, "kevin16", 180), dir);

        FakeServer.Recorded said = fake.server.requests("POST", "/v1/audio/speech").getFirst();
        assertThat(said.header("authorization")).isEqualTo("Bearer " + OpenAiFixture.KEY);
        assertThat(said.json().properties()).extracting(Map.Entry::getKey).containsExactly("model", "input", "voice", "response_format", "speed");
        assertThat(said.json().path("model").asText()).isEqualTo("gpt-4o-mini-tts");
        assertThat(said.json().path("input").asText()).isEqualTo(TEXT);
        assertThat(said.json().path("voice").asText()).isEqualTo("alloy"); // not an OpenAI voice
        assertThat(said.json().path("response_format").asText()).isEqualTo("wav");
        assertThat(said.json().path("speed").asDouble()).isEqualTo(1.2); // 180 / 150

        FakeServer.Recorded heard = fake.server.requests("POST", "/v1/audio/transcriptions").getFirst();
        var parts = OpenAiFixture.parts(heard);
        assertThat(parts).extracting(OpenAiFixture.Part::name).containsExactly("file", "model", "response_format", "timestamp_granularities[]");
        assertThat(part(parts, "file").filename()).isEqualTo("speech.wav");
        assertThat(part(parts, "file").contentType()).isEqualTo("audio/wav");
        assertThat(part(parts, "model").text()).isEqualTo("whisper-1");
        assertThat(part(parts, "response_format").text()).isEqualTo("verbose_json");
        assertThat(part(parts, "timestamp_granularities[]").text()).isEqualTo("word");

        assertThat(speech.file()).isEqualTo("speech.wav");
        assertThat(speech.sampleRate()).isEqualTo(24000);
        assertThat(speech.seconds()).isCloseTo(2.0, offset(1e-9));
        byte[] written = Files.readAllBytes(dir.resolve("speech.wav"));
        ByteBuffer header = ByteBuffer.wrap(written).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt(4)).isEqualTo(written.length - 8); // true lengths, not the streaming placeholder
        assertThat(header.getInt(40)).isEqualTo(96000);
        assertThat(speech.words()).extracting(WordTiming::word).containsExactly(TEXT.split(" "));
        assertThat(speech.words().get(1)).isEqualTo(new WordTiming("morning,", 0.22, 0.58));
        assertThat(speech.words().getLast()).isEqualTo(new WordTiming("town.", 1.68, 1.95));
        assertThat(speech.charge().usd()).isCloseTo(0.015 * TEXT.length() / 1000 + 0.006 * 2 / 60, offset(1e-12));
        assertThat(speech.charge().estimated()).isTrue();
        assertThat(speech.timingSource()).isEqualTo(Speech.TimingSource.TRANSCRIBED);
    }

    @Test
    void anOpenAiVoiceIsSentAsItIsAndSpeedIsClamped() {
        assertThat(OpenAiSpeech.voice("Nova")).isEqualTo("nova");
        assertThat(OpenAiSpeech.voice("kevin16")).isEqualTo("alloy");
        assertThat(OpenAiSpeech.speed(150)).isEqualTo(1.0);
        assertThat(OpenAiSpeech.speed(20)).isEqualTo(0.25);
        assertThat(OpenAiSpeech.speed(900)).isEqualTo(4.0);
    }

    @Test
    void withoutTheTranscriptionModelTimingsAreEstimated() {
        fake.server.on("POST", "/v1/audio/speech", FakeServer.Answer.bytes(200, "audio/wav", OpenAiFixture.streamedWav(24000, 2.0)));
        ModelCatalog noWhisper = new ModelCatalog(OpenAiFixture.CATALOG.all().stream().filter(m -> !m.id().equals("openai/whisper-1")).toList());

        Speech speech = speech(noWhisper).synthesize(new SpeechRequest(TEXT, "nova", 150), dir);

        assertThat(fake.server.requests("POST", "/v1/audio/transcriptions")).isEmpty();
        assertThat(speech.words()).extracting(WordTiming::word).containsExactly(TEXT.split(" "));
        assertThat(speech.timingSource()).isEqualTo(Speech.TimingSource.ESTIMATED);
        assertThat(speech.words().getLast().end()).isLessThanOrEqualTo(2.0);
        assertThat(speech.charge().usd()).isCloseTo(0.015 * TEXT.length() / 1000, offset(1e-12));
    }

    @Test
    void aFailingTranscriptionFallsBackToEstimates() {
        fake.server.on("POST", "/v1/audio/speech", FakeServer.Answer.bytes(200, "audio/wav", OpenAiFixture.streamedWav(16000, 1.5)))
                .on("POST", "/v1/audio/transcriptions", error(404, "Invalid URL (POST /v1/audio/transcriptions)", "invalid_request_error", null, null));

        Speech speech = speech(OpenAiFixture.CATALOG).synthesize(new SpeechRequest(TEXT, "alloy", 150), dir);

        assertThat(speech.seconds()).isCloseTo(1.5, offset(1e-9));
        assertThat(speech.words()).hasSize(8);
        assertThat(speech.words().getLast().end()).isLessThanOrEqualTo(1.5);
    }

    @Test
    void aBodyThatIsNotWavIsBadOutput() {
        fake.server.on("POST", "/v1/audio/speech", FakeServer.Answer.bytes(200, "audio/mpeg", new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0}));

        assertThatThrownBy(() -> speech(OpenAiFixture.CATALOG).synthesize(new SpeechRequest(TEXT, "alloy", 150), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT));
        assertThat(Files.exists(dir.resolve("speech.wav"))).isFalse();
    }

    @Test
    void textOverTheLimitIsRefusedBeforeSending() {
        assertThatThrownBy(() -> speech(OpenAiFixture.CATALOG).synthesize(new SpeechRequest("word ".repeat(900), "alloy", 150), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST));
        assertThat(fake.server.requests()).isEmpty();
    }

    @Test
    void theTranscriberSendsTheFileWithItsExtensionAndReadsWords() throws Exception {
        fake.server.on("POST", "/v1/audio/transcriptions", json(200, HEARD));
        Path audio = dir.resolve("interview.mp3");
        Files.write(audio, new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, 1, 2, 3});
        Transcriber transcriber = new OpenAiModule().transcriber(OpenAiFixture.entry("openai/whisper-1"), fake.context()).orElseThrow();

        Transcriber.Transcript transcript = transcriber.transcribe(audio, "en-GB");

        var parts = OpenAiFixture.parts(fake.server.requests("POST", "/v1/audio/transcriptions").getFirst());
        assertThat(part(parts, "file").filename()).isEqualTo("interview.mp3");
        assertThat(part(parts, "file").contentType()).isEqualTo("audio/mpeg");
        assertThat(part(parts, "file").bytes()).isEqualTo(Files.readAllBytes(audio));
        assertThat(part(parts, "language").text()).isEqualTo("en");
        assertThat(part(parts, "timestamp_granularities[]").text()).isEqualTo("word");
        assertThat(transcript.text()).isEqualTo("Every morning the harbour wakes before the town.");
        assertThat(transcript.seconds()).isEqualTo(2.0);
        assertThat(transcript.words()).hasSize(8).first().isEqualTo(new WordTiming("Every", 0.0, 0.22));
        assertThat(transcript.charge().usd()).isCloseTo(0.006 * 2 / 60, offset(1e-12));
    }

    @Test
    void theTranscriberRefusesAFileWithoutAKnownExtension() throws Exception {
        Path audio = dir.resolve("voice.raw");
        Files.write(audio, new byte[16]);
        Transcriber transcriber = new OpenAiModule().transcriber(OpenAiFixture.entry("openai/whisper-1"), fake.context()).orElseThrow();

        assertThatThrownBy(() -> transcriber.transcribe(audio, null))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST));
        assertThat(fake.server.requests()).isEmpty();
    }

    @Test
    void wavDownmixesStereoAndRejectsFloat() {
        ByteBuffer stereo = ByteBuffer.allocate(44 + 8).order(ByteOrder.LITTLE_ENDIAN);
        stereo.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(44).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        stereo.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(8000).putInt(32000).putShort((short) 4).putShort((short) 16);
        stereo.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(8).putShort((short) 100).putShort((short) 300).putShort((short) -50).putShort((short) -150);
        WavAudio.Pcm pcm = WavAudio.mono16(stereo.array());
        assertThat(pcm.sampleRate()).isEqualTo(8000);
        ByteBuffer mono = ByteBuffer.wrap(pcm.samples()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(List.of(mono.getShort(0), mono.getShort(2))).containsExactly((short) 200, (short) -100);

        byte[] floating = stereo.array().clone();
        floating[20] = 3;
        assertThatThrownBy(() -> WavAudio.mono16(floating)).isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT));
    }
}
