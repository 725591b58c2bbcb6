package dev.reelwright.cli.vendors;

import static dev.reelwright.providers.openai.OpenAiFixture.json;
import static dev.reelwright.providers.openai.OpenAiFixture.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.providers.openai.OpenAiFixture;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import dev.reelwright.providers.testing.HarbourScript;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAI chosen in production.yaml, end to end through {@code make}: Sora clips from a compatible server (the
 * catalog's retired entry laid over with an active one, as README says), the GPT-4o planner, and speech timed by
 * Whisper. The fake speaks the documented protocol (PROVIDERS.md §2, openai.json) under the base URL's {@code /v1}.
 */
@Tag("slow")
class OpenAiThroughMakeTest {
    private static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", OpenAiFixture.KEY);
    private static final String BEARER = "Bearer " + OpenAiFixture.KEY;

    @TempDir
    Path dir;
    private final OpenAiFixture fake = new OpenAiFixture();

    @AfterEach
    void close() {
        fake.close();
    }

    private String providers() {
        return "providers:\n  openai:\n    base_url: " + fake.server.baseUrl() + "/v1\n";
    }

    @Test
    void soraClipsFromACompatibleServer() throws IOException {
        String status = "/v1/videos/" + OpenAiFixture.VIDEO_ID;
        fake.server.on("POST", "/v1/videos", json(200, OpenAiFixture.video("queued", 0, null)))
                .on("GET", status, json(200, OpenAiFixture.video("in_progress", 40, null)), json(200, OpenAiFixture.video("completed", 100, null)))
                .on("GET", status + "/content", Answer.bytes(200, "video/mp4", VendorMake.clip(dir)));
        Files.writeString(dir.resolve("models.yaml"), """
                models:
                  - id: openai/sora-2
                    vendor: openai
                    model: sora-2
                    kind: video
                    modes: [image-to-video]
                    clip_seconds: [4, 8, 12]
                    resolutions: [720p]
                    aspect_ratios: ["16:9", "9:16"]
                    price: {per_second: 0.10}
                """);

        VendorMake.Made made = VendorMake.make(dir, VendorMake.ONE_SCENE, "catalog: models.yaml\nmodels:\n  clips: openai/sora-2\n" + providers(), ENV)
                .assertFinished();

        FakeServer.Recorded create = fake.server.requests("POST", "/v1/videos").getFirst();
        assertThat(fake.server.requests("POST", "/v1/videos")).hasSize(1);
        assertThat(create.header("content-type")).startsWith("multipart/form-data; boundary=");
        List<OpenAiFixture.Part> parts = OpenAiFixture.parts(create);
        assertThat(parts).extracting(OpenAiFixture.Part::name).containsExactly("model", "prompt", "seconds", "size", "input_reference");
        assertThat(part(parts, "model").text()).isEqualTo("sora-2");
        assertThat(part(parts, "prompt").text()).isEqualTo("a lighthouse at dusk");
        assertThat(part(parts, "seconds").text()).isEqualTo("4"); // a 3 s scene: the shortest length that covers it
        assertThat(part(parts, "size").text()).isEqualTo("1280x720");
        assertThat(part(parts, "input_reference").contentType()).isEqualTo("image/png");
        BufferedImage keyframe = ImageIO.read(new ByteArrayInputStream(part(parts, "input_reference").bytes()));
        assertThat(keyframe.getWidth()).isEqualTo(1280);
        assertThat(keyframe.getHeight()).isEqualTo(720);
        assertThat(fake.server.requests()).extracting(request -> request.method() + " " + request.path())
                .containsExactly("POST /v1/videos", "GET " + status, "GET " + status, "GET " + status + "/content");
        assertThat(fake.server.requests()).allSatisfy(request -> assertThat(request.header("authorization")).isEqualTo(BEARER));

        assertThat(made.provider("videos")).isEqualTo("openai/sora-2@sora-2");
        assertThat(made.stageCost("clip")).isCloseTo(4 * 0.10, within(1e-9));
    }

    @Test
    void theGpt4oPlannerWritesTheStoryboard() throws IOException {
        fake.server.on("POST", "/v1/chat/completions",
                OpenAiFixture.completion(HarbourScript.storyboard("dolly_in", "calm", "pan_right", "joyful"), null, "stop"));

        VendorMake.Made made = VendorMake.make(dir, VendorMake.HARBOUR, "models:\n  planner: openai/gpt-4o\n" + providers(), ENV).assertFinished();

        assertThat(fake.server.requests()).hasSize(1);
        FakeServer.Recorded sent = fake.server.requests("POST", "/v1/chat/completions").getFirst();
        assertThat(sent.header("authorization")).isEqualTo(BEARER);
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("content").asText()).contains("Gulls argue over what falls.");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(body.path("response_format").path("json_schema").path("strict").asBoolean()).isTrue();

        made.assertHarbourStoryboard("dolly_in", "calm", "pan_right", "joyful");
        assertThat(made.provider("planner")).isEqualTo("openai/gpt-4o@gpt-4o");
    }

    @Test
    void speechIsTimedByWhisper() throws IOException {
        fake.server.on("POST", "/v1/audio/speech", Answer.bytes(200, "audio/wav", OpenAiFixture.streamedWav(24_000, 2.0)))
                .on("POST", "/v1/audio/transcriptions", json(200, """
                        {"task":"transcribe","language":"english","duration":2.0,"text":"The keeper lights the lamp.",
                         "words":[{"word":"The","start":0.30,"end":0.42},{"word":"keeper","start":0.42,"end":0.78},
                                  {"word":"lights","start":1.45,"end":1.70},{"word":"the","start":1.70,"end":1.78},
                                  {"word":"lamp","start":1.78,"end":1.98}],
                         "segments":[],"usage":{"type":"duration","seconds":2}}"""));

        VendorMake.Made made = VendorMake.make(dir, VendorMake.ONE_SCENE, "models:\n  speech: openai/gpt-4o-mini-tts\n" + providers(), ENV)
                .assertFinished();

        FakeServer.Recorded said = fake.server.requests("POST", "/v1/audio/speech").getFirst();
        assertThat(said.header("authorization")).isEqualTo(BEARER);
        assertThat(said.json().path("model").asText()).isEqualTo("gpt-4o-mini-tts");
        assertThat(said.json().path("input").asText()).isEqualTo("The keeper lights the lamp.");
        assertThat(said.json().path("response_format").asText()).isEqualTo("wav");
        FakeServer.Recorded heard = fake.server.requests("POST", "/v1/audio/transcriptions").getFirst();
        assertThat(heard.header("authorization")).isEqualTo(BEARER);
        List<OpenAiFixture.Part> parts = OpenAiFixture.parts(heard);
        assertThat(part(parts, "model").text()).isEqualTo("whisper-1");
        assertThat(part(parts, "response_format").text()).isEqualTo("verbose_json");
        assertThat(part(parts, "timestamp_granularities[]").text()).isEqualTo("word");
        assertThat(part(parts, "file").bytes()).isEqualTo(Files.readAllBytes(made.stepFile("voice", "speech.wav")));

        // The written words, on Whisper's clock: 0.4 s lead-in, then a break where Whisper heard a pause after "keeper".
        assertThat(made.captions()).isEqualTo("""
                1
                00:00:00,700 --> 00:00:01,580
                The keeper

                2
                00:00:01,850 --> 00:00:02,780
                lights the lamp.

                """);
        assertThat(made.cachedResults("voice").getFirst().path("timing_source").asText()).isEqualTo("transcribed");
        assertThat(made.provider("speech")).isEqualTo("openai/gpt-4o-mini-tts@gpt-4o-mini-tts+openai/whisper-1@whisper-1");
        assertThat(made.stageCost("voice")).isCloseTo(0.015 * 27 / 1000 + 0.006 * 2 / 60, within(1e-9));
    }
}
