package dev.reelwright.cli.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.providers.google.GoogleFake;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Google Veo chosen for clips, end to end through {@code make}, on both routes (PROVIDERS.md §3, google-veo.yaml):
 * Vertex AI with an access token (given, or printed by a command and printed again when refused), and the Gemini API
 * with a key, its model laid over the catalog (the bundled Gemini ids were shut down).
 */
@Tag("slow")
class GoogleThroughMakeTest {
    private static final String MODEL = "veo-3.1-generate-001";
    private static final String CREATE = GoogleFake.vertexModelPath(MODEL) + ":predictLongRunning";
    private static final String FETCH = GoogleFake.vertexModelPath(MODEL) + ":fetchPredictOperation";
    private static final String OPERATION = GoogleFake.vertexOperation(MODEL);

    @TempDir
    Path dir;
    private final FakeServer fake = new FakeServer();

    @AfterEach
    void close() {
        fake.close();
    }

    private String spec(String model) {
        return "models:\n  clips: " + model + "\nproviders:\n  google:\n    base_url: " + fake.baseUrl() + "\n";
    }

    private Map<String, String> vertex(String credential, String value) {
        return Map.of("GOOGLE_CLOUD_PROJECT", GoogleFake.PROJECT, "GOOGLE_CLOUD_LOCATION", GoogleFake.LOCATION, credential, value);
    }

    /** The create's body: the keyframe inline, one 4 s 720p sample (the 3 s scene), Vertex-only seed and audio off. */
    private void assertVertexCreate(FakeServer.Recorded create, VendorMake.Made made) throws IOException {
        JsonNode instance = create.json().path("instances").get(0);
        assertThat(instance.path("prompt").asText()).startsWith("a lighthouse at dusk. ");
        assertThat(instance.path("image").path("mimeType").asText()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(instance.path("image").path("bytesBase64Encoded").asText()))
                .isEqualTo(Files.readAllBytes(made.stepFile("keyframe", "keyframe.png")));
        JsonNode parameters = create.json().path("parameters");
        assertThat(parameters.path("sampleCount").asInt()).isEqualTo(1);
        assertThat(parameters.path("durationSeconds").asInt()).isEqualTo(4);
        assertThat(parameters.path("aspectRatio").asText()).isEqualTo("16:9");
        assertThat(parameters.path("resolution").asText()).isEqualTo("720p");
        assertThat(parameters.path("seed").isIntegralNumber()).isTrue();
        assertThat(parameters.path("generateAudio").asBoolean(true)).isFalse();
        assertThat(made.provider("videos")).isEqualTo("google/veo-3.1-vertex@" + MODEL);
        assertThat(made.stageCost("clip")).isCloseTo(4 * 0.40, within(1e-9));
    }

    @Test
    void vertexAiWithAnAccessToken() throws IOException {
        fake.on("POST", CREATE, Answer.json(200, GoogleFake.operation(OPERATION)));
        fake.on("POST", FETCH, Answer.json(200, GoogleFake.running(OPERATION)), Answer.json(200, GoogleFake.doneInline(OPERATION, VendorMake.clip(dir))));

        VendorMake.Made made = VendorMake.make(dir, VendorMake.ONE_SCENE, spec("google/veo-3.1-vertex"),
                vertex("GOOGLE_VERTEX_ACCESS_TOKEN", GoogleFake.TOKEN)).assertFinished();

        assertThat(fake.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly("POST " + CREATE, "POST " + FETCH, "POST " + FETCH);
        assertThat(fake.requests()).allSatisfy(request -> assertThat(request.header("authorization")).isEqualTo("Bearer " + GoogleFake.TOKEN));
        assertThat(fake.requests("POST", FETCH)).allSatisfy(poll -> assertThat(poll.json().path("operationName").asText()).isEqualTo(OPERATION));
        assertVertexCreate(fake.requests("POST", CREATE).getFirst(), made);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void vertexAiWithATokenCommandThatIsRunAgainWhenItsTokenIsRefused() throws IOException {
        fake.on("POST", CREATE, request -> "Bearer ya29.fresh-1".equals(request.header("authorization"))
                ? GoogleFake.unauthenticated() : Answer.json(200, GoogleFake.operation(OPERATION)));
        fake.on("POST", FETCH, Answer.json(200, GoogleFake.doneInline(OPERATION, VendorMake.clip(dir))));

        VendorMake.Made made = VendorMake.make(dir, VendorMake.ONE_SCENE, spec("google/veo-3.1-vertex"),
                vertex("GOOGLE_VERTEX_ACCESS_TOKEN_COMMAND", GoogleFake.tokenCommand(dir))).assertFinished();

        assertThat(fake.requests()).extracting(r -> r.path() + " " + r.header("authorization"))
                .containsExactly(CREATE + " Bearer ya29.fresh-1", CREATE + " Bearer ya29.fresh-2", FETCH + " Bearer ya29.fresh-2");
        assertThat(GoogleFake.tokenRuns(dir)).isEqualTo(2);
        assertThat(made.run().err()).doesNotContain("ya29.fresh");
        assertVertexCreate(fake.requests("POST", CREATE).getLast(), made);
    }

    @Test
    void theGeminiApiWithAKey() throws IOException {
        String model = "veo-3.1-generate-preview";
        String name = GoogleFake.geminiOperation(model);
        fake.on("POST", "/v1beta/models/" + model + ":predictLongRunning", Answer.json(200, GoogleFake.operation(name)));
        fake.on("GET", "/v1beta/" + name, Answer.json(200, GoogleFake.running(name)), Answer.json(200, GoogleFake.geminiDone(name, "vid42abc")));
        fake.on("GET", "/v1beta/files/vid42abc:download", Answer.bytes(200, "video/mp4", VendorMake.clip(dir)));
        Files.writeString(dir.resolve("models.yaml"), """
                models:
                  - id: google/veo-3.1-gemini
                    vendor: google
                    model: veo-3.1-generate-preview
                    kind: video
                    modes: [text-to-video, image-to-video]
                    clip_seconds: [4, 6, 8]
                    resolutions: [720p, 1080p]
                    aspect_ratios: ["16:9", "9:16"]
                    price: {per_second: 0.40}
                """);

        VendorMake.Made made = VendorMake.make(dir, VendorMake.ONE_SCENE, "catalog: models.yaml\n" + spec("google/veo-3.1-gemini"),
                Map.of("GEMINI_API_KEY", GoogleFake.GEMINI_KEY)).assertFinished();

        assertThat(fake.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "POST /v1beta/models/" + model + ":predictLongRunning", "GET /v1beta/" + name, "GET /v1beta/" + name,
                "GET /v1beta/files/vid42abc:download");
        assertThat(fake.requests()).allSatisfy(request -> {
            assertThat(request.header("x-goog-api-key")).isEqualTo(GoogleFake.GEMINI_KEY);
            assertThat(request.header("authorization")).isNull();
        });
        assertThat(fake.requests().getLast().query()).isEqualTo("alt=media");
        JsonNode parameters = fake.requests().getFirst().json().path("parameters");
        assertThat(parameters.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("sampleCount", "durationSeconds", "aspectRatio", "resolution"); // no Vertex-only seed or audio
        assertThat(parameters.path("durationSeconds").asInt()).isEqualTo(4);
        assertThat(made.provider("videos")).isEqualTo("google/veo-3.1-gemini@" + model);
        assertThat(made.stageCost("clip")).isCloseTo(4 * 0.40, within(1e-9));
    }
}
