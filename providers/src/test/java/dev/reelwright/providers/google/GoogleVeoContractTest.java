package dev.reelwright.providers.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.ProviderSettings;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.remote.Sleeper;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import dev.reelwright.providers.testing.FakeTime;
import dev.reelwright.providers.testing.TestContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Veo on Vertex AI and on the Gemini API against a fake speaking the documented protocol (PROVIDERS.md §3, google-veo.yaml). */
class GoogleVeoContractTest {
    static final String TOKEN = GoogleFake.TOKEN;
    static final String GEMINI_KEY = GoogleFake.GEMINI_KEY;
    static final String PROJECT = GoogleFake.PROJECT;
    static final String LOCATION = GoogleFake.LOCATION;

    static final ModelCatalog CATALOG = ModelCatalog.bundled();
    static final ModelEntry VEO = CATALOG.find("google/veo-3.1-vertex").orElseThrow();
    static final ModelEntry RETIRED = CATALOG.find("google/veo-3.0-vertex").orElseThrow();
    /** A Gemini-route entry for the fake (the bundled catalog has none: the Gemini preview ids were shut down). */
    static final ModelEntry GEMINI_VEO = new ModelEntry("google/veo-3.1-gemini", "google", "veo-3.1-generate-preview", "video",
            VEO.modes(), VEO.clipSeconds(), VEO.resolutions(), VEO.aspectRatios(), null, true, null, null, VEO.price(), null, null, null,
            null, null, null);

    static final String MODEL_PATH = GoogleFake.vertexModelPath(VEO.model());
    static final String CREATE = MODEL_PATH + ":predictLongRunning";
    static final String FETCH = MODEL_PATH + ":fetchPredictOperation";
    static final String OPERATION = GoogleFake.vertexOperation(VEO.model());

    static final byte[] VIDEO = TestContexts.fakeMp4(4096);

    @TempDir Path dir;
    FakeServer server;
    TestContexts.Recorder recorder;
    Path keyframe;
    byte[] png;

    @BeforeEach
    void setUp() throws IOException {
        server = new FakeServer();
        recorder = new TestContexts.Recorder();
        png = TestContexts.fakePng();
        keyframe = Files.write(dir.resolve("keyframe.img"), png);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    Map<String, String> vertexEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("GOOGLE_CLOUD_PROJECT", PROJECT);
        env.put("GOOGLE_CLOUD_LOCATION", LOCATION);
        env.put("GOOGLE_VERTEX_ACCESS_TOKEN", TOKEN);
        env.put("GOOGLE_STORAGE_BASE_URL", server.baseUrl().toString());
        return env;
    }

    VendorContext context(Map<String, String> env) {
        return TestContexts.pointingAt(server, "google", env, recorder);
    }

    VideoGenerator generator(ModelEntry model, VendorContext context) {
        return new GoogleModule(CATALOG).videos(model, context).orElseThrow();
    }

    /** 5 s at 24 fps in a 1080p landscape production: Veo's nearest offered length is 6 s. */
    ClipRequest request() {
        return new ClipRequest(keyframe, "A lighthouse at dusk, waves breaking on the rocks", CameraMove.DOLLY_IN, 120,
                new VideoFormat(1920, 1080, 24), 42);
    }

    static Answer json(String body) {
        return Answer.json(200, body);
    }

    static String running() {
        return GoogleFake.running(OPERATION);
    }

    static String doneInline(byte[] video) {
        return GoogleFake.doneInline(OPERATION, video);
    }

    static String error(int code, String status, String message) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\",\"details\":[]}}";
    }

    // ---- Vertex AI --------------------------------------------------------------------------------------------

    @Test
    void vertexHappyPathSendsTheDocumentedRequestPollsAndWritesTheInlineVideo() throws IOException {
        server.on("POST", CREATE, json(GoogleFake.operation(OPERATION)));
        server.on("POST", FETCH, json(running()), json(running()), json(doneInline(VIDEO)));
        VideoGenerator generator = generator(VEO, context(vertexEnv()));

        VideoGenerator.GeneratedClip clip = generator.generate(request(), dir);

        assertThat(Files.readAllBytes(dir.resolve(clip.file()))).isEqualTo(VIDEO);
        assertThat(clip.frames()).isEqualTo(120);
        assertThat(clip.charge()).isEqualTo(new Charge("google", "veo-3.1-generate-001", VEO.price("per_second") * 6, true));
        assertThat(recorder.submitted).singleElement().satisfies(id -> {
            assertThat(id.vendor()).isEqualTo("google");
            assertThat(id.id()).isEqualTo(OPERATION);
            assertThat(id.handle("route")).isEqualTo("VERTEX");
        });
        assertThat(generator.id()).isEqualTo("google/veo-3.1-vertex@veo-3.1-generate-001");

        FakeServer.Recorded create = server.requests("POST", CREATE).getFirst();
        assertThat(server.requests("POST", CREATE)).hasSize(1);
        assertThat(create.header("authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(create.header("content-type")).isEqualTo("application/json");
        JsonNode body = create.json();
        JsonNode instance = body.path("instances").get(0);
        assertThat(instance.path("prompt").asText()).isEqualTo("A lighthouse at dusk, waves breaking on the rocks. The camera slowly dollies in.");
        assertThat(instance.path("image").path("bytesBase64Encoded").asText()).isEqualTo(Base64.getEncoder().encodeToString(png));
        assertThat(instance.path("image").path("mimeType").asText()).isEqualTo("image/png");
        JsonNode parameters = body.path("parameters");
        assertThat(parameters.path("sampleCount").asInt()).isEqualTo(1);
        assertThat(parameters.path("durationSeconds").asInt()).isEqualTo(6);
        assertThat(parameters.path("aspectRatio").asText()).isEqualTo("16:9");
        assertThat(parameters.path("resolution").asText()).isEqualTo("1080p");
        assertThat(parameters.path("seed").asLong()).isEqualTo(42);
        assertThat(parameters.path("generateAudio").isBoolean()).isTrue();
        assertThat(parameters.path("generateAudio").asBoolean()).isFalse();
        assertThat(parameters.has("storageUri")).isFalse();
        assertThat(parameters.has("negativePrompt")).isFalse();
        assertThat(parameters.has("personGeneration")).isFalse();
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("instances", "parameters");

        List<FakeServer.Recorded> polls = server.requests("POST", FETCH);
        assertThat(polls).hasSize(3).allSatisfy(poll -> {
            assertThat(poll.header("authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(poll.json().path("operationName").asText()).isEqualTo(OPERATION);
        });
    }

    @Test
    void vertexGcsResultIsDownloadedFromCloudStorageWithTheSameToken() throws IOException {
        Map<String, String> env = vertexEnv();
        env.put("GOOGLE_VEO_STORAGE_URI", "gs://demo-bucket/reelwright/");
        env.put("GOOGLE_VEO_NEGATIVE_PROMPT", "captions, watermark");
        env.put("GOOGLE_VEO_PERSON_GENERATION", "allow_adult");
        server.on("POST", CREATE, json(GoogleFake.operation(OPERATION)));
        server.on("POST", FETCH, json("{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"raiMediaFilteredCount\":0,"
                + "\"videos\":[{\"gcsUri\":\"gs://demo-bucket/reelwright/run 1/sample_0.mp4\",\"mimeType\":\"video/mp4\"}]}}"));
        server.on("GET", "/demo-bucket/reelwright/run 1/sample_0.mp4", Answer.bytes(200, "video/mp4", VIDEO));

        VideoGenerator.GeneratedClip clip = generator(VEO, context(env)).generate(request(), dir);

        assertThat(Files.readAllBytes(dir.resolve(clip.file()))).isEqualTo(VIDEO);
        JsonNode parameters = server.requests("POST", CREATE).getFirst().json().path("parameters");
        assertThat(parameters.path("storageUri").asText()).isEqualTo("gs://demo-bucket/reelwright/");
        assertThat(parameters.path("negativePrompt").asText()).isEqualTo("captions, watermark");
        assertThat(parameters.path("personGeneration").asText()).isEqualTo("allow_adult");
        FakeServer.Recorded download = server.requests("GET", "/demo-bucket/reelwright/run 1/sample_0.mp4").getFirst();
        assertThat(download.header("authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void safetyFilteredOperationIsAContentPolicyRefusalNeverRetried() {
        server.on("POST", CREATE, json(GoogleFake.operation(OPERATION)));
        server.on("POST", FETCH, json("{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"@type\":\"type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse\","
                + "\"raiMediaFilteredCount\":1,\"raiMediaFilteredReasons\":[\"Veo could not generate 1 videos based on the prompt provided. "
                + "You will not be charged for this request. Try rephrasing the prompt. Support codes: 42237218\"]}}"));

        assertThatThrownBy(() -> generator(VEO, context(vertexEnv())).generate(request(), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONTENT_POLICY);
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("42237218").contains("1 video(s) withheld");
                });
        assertThat(server.requests("POST", CREATE)).hasSize(1);
        assertThat(server.requests("POST", FETCH)).hasSize(1);
    }

    @Test
    void promptRefusedByResponsibleAiInTheOperationIsContentPolicy() {
        server.on("POST", CREATE, json(GoogleFake.operation(OPERATION)));
        server.on("POST", FETCH, json("{\"name\":\"" + OPERATION + "\",\"done\":true,\"error\":{\"code\":3,\"message\":\"The prompt could not be "
                + "submitted. This prompt contains sensitive words that violate Google's Responsible AI practices. Support codes: 58061214\"}}"));

        assertThatThrownBy(() -> generator(VEO, context(vertexEnv())).generate(request(), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONTENT_POLICY));
        assertThat(server.requests("POST", CREATE)).hasSize(1);
    }

    @Test
    void failedOperationIsJobFailed() {
        server.on("POST", CREATE, json(GoogleFake.operation(OPERATION)));
        server.on("POST", FETCH, json("{\"name\":\"" + OPERATION + "\",\"done\":true,\"error\":{\"code\":13,\"message\":\"Internal error while generating\"}}"));

        assertThatThrownBy(() -> generator(VEO, context(vertexEnv())).generate(request(), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.JOB_FAILED);
                    assertThat(e.getMessage()).contains("Internal error while generating");
                });
    }

    @Test
    void resourceExhaustedOnSubmitWaitsRetryAfterThenSubmitsOnce() {
        // A 429 RESOURCE_EXHAUSTED is a refusal before any operation exists, so the job runner may send it again.
        server.on("POST", CREATE,
                Answer.json(429, error(429, "RESOURCE_EXHAUSTED", "Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model"))
                        .withHeader("Retry-After", "7"),
                json(GoogleFake.operation(OPERATION)));
        server.on("POST", FETCH, json(doneInline(VIDEO)));

        generator(VEO, context(vertexEnv())).generate(request(), dir);

        assertThat(recorder.sleeps.getFirst()).isEqualTo(Duration.ofSeconds(7));
        assertThat(server.requests("POST", CREATE)).hasSize(2);
        assertThat(recorder.submitted).hasSize(1);
    }

    @Test
    void unavailableWhilePollingIsRetriedWithoutResubmitting() throws IOException {
        server.on("POST", CREATE, json(GoogleFake.operation(OPERATION)));
        server.on("POST", FETCH, Answer.json(503, error(503, "UNAVAILABLE", "The service is currently unavailable.")), json(doneInline(VIDEO)));

        VideoGenerator.GeneratedClip clip = generator(VEO, context(vertexEnv())).generate(request(), dir);

        assertThat(Files.readAllBytes(dir.resolve(clip.file()))).isEqualTo(VIDEO);
        assertThat(server.requests("POST", CREATE)).hasSize(1);
        assertThat(server.requests("POST", FETCH)).hasSize(2);
    }

    @Test
    void retiredModelAnswersNotFoundAndIsModelUnavailable() {
        String path = "/v1/projects/" + PROJECT + "/locations/" + LOCATION + "/publishers/google/models/" + RETIRED.model() + ":predictLongRunning";
        server.on("POST", path, Answer.json(404, error(404, "NOT_FOUND", "Publisher Model `projects/" + PROJECT + "/locations/" + LOCATION
                + "/publishers/google/models/veo-3.0-generate-001` was not found or your project does not have access to it.")));

        assertThatThrownBy(() -> generator(RETIRED, context(vertexEnv())).generate(new ClipRequest(keyframe, "x", CameraMove.STATIC, 192,
                new VideoFormat(1280, 720, 24), 1), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MODEL_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("veo-3.0-generate-001");
                });
        assertThat(server.requests("POST", path)).hasSize(1);
        assertThat(recorder.submitted).isEmpty();
    }

    @Test
    void operationThatNeverFinishesTimesOut() {
        server.on("POST", CREATE, json(GoogleFake.operation(OPERATION)));
        server.on("POST", FETCH, json(running()));
        FakeTime time = new FakeTime();
        VendorContext context = new VendorContext(vertexEnv(), Map.of("google", new ProviderSettings(server.baseUrl().toString(), null, 10)),
                VendorHttp.defaultClient(), time, time, RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, recorder);

        assertThatThrownBy(() -> generator(VEO, context).generate(request(), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMED_OUT));
        assertThat(server.requests("POST", CREATE)).hasSize(1);
        assertThat(server.requests("POST", FETCH).size()).isBetween(2, 6);
        assertThat(time.sleeps.stream().mapToLong(Duration::toMillis).sum()).isLessThan(10_000);
        // Veo exposes no cancel, so nothing else was sent.
        assertThat(server.requests()).extracting(FakeServer.Recorded::path).containsOnly(CREATE, FETCH);
    }

    @Test
    void aDownloadThatIsNotAVideoIsBadOutput() {
        server.on("POST", CREATE, json(GoogleFake.operation(OPERATION)));
        server.on("POST", FETCH, json("{\"name\":\"" + OPERATION + "\",\"done\":true,\"response\":{\"videos\":[{\"gcsUri\":\"gs://b/o.mp4\"}]}}"));
        server.on("GET", "/b/o.mp4", Answer.bytes(200, "text/html", "<html>AccessDenied</html>".getBytes()));

        assertThatThrownBy(() -> generator(VEO, context(vertexEnv())).generate(request(), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT));
        assertThat(dir.resolve("clip.mp4")).doesNotExist();
    }

    @Test
    void expiredTokenIsAuthenticationNamingTheVariableWithoutTheToken() {
        server.on("POST", CREATE, Answer.json(401, error(401, "UNAUTHENTICATED",
                "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.")));

        assertThatThrownBy(() -> generator(VEO, context(vertexEnv())).generate(request(), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("GOOGLE_VERTEX_ACCESS_TOKEN").contains("gcloud auth print-access-token")
                            .doesNotContain(TOKEN);
                });
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aRefusedTokenIsPrintedAfreshByTheCommandAndTheRequestSentOnceMore() throws IOException {
        Map<String, String> env = vertexEnv();
        env.remove("GOOGLE_VERTEX_ACCESS_TOKEN");
        env.put("GOOGLE_VERTEX_ACCESS_TOKEN_COMMAND", GoogleFake.tokenCommand(dir));
        server.on("POST", CREATE, request -> "Bearer ya29.fresh-1".equals(request.header("authorization"))
                ? GoogleFake.unauthenticated() : json(GoogleFake.operation(OPERATION)));
        server.on("POST", FETCH, json(doneInline(VIDEO)));

        VideoGenerator.GeneratedClip clip = generator(VEO, context(env)).generate(request(), dir);

        assertThat(Files.readAllBytes(dir.resolve(clip.file()))).isEqualTo(VIDEO);
        assertThat(server.requests()).extracting(r -> r.path() + " " + r.header("authorization"))
                .containsExactly(CREATE + " Bearer ya29.fresh-1", CREATE + " Bearer ya29.fresh-2", FETCH + " Bearer ya29.fresh-2");
        assertThat(GoogleFake.tokenRuns(dir)).isEqualTo(2);
        assertThat(recorder.submitted).hasSize(1);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aFreshTokenRefusedAgainIsAuthenticationAfterOneRetry() {
        Map<String, String> env = vertexEnv();
        env.put("GOOGLE_VERTEX_ACCESS_TOKEN_COMMAND", GoogleFake.tokenCommand(dir)); // takes precedence over the fixed token
        server.on("POST", CREATE, GoogleFake.unauthenticated());

        assertThatThrownBy(() -> generator(VEO, context(env)).generate(request(), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("GOOGLE_VERTEX_ACCESS_TOKEN_COMMAND").doesNotContain("ya29.fresh");
                });
        assertThat(server.requests()).extracting(r -> r.header("authorization")).containsExactly("Bearer ya29.fresh-1", "Bearer ya29.fresh-2");
        assertThat(GoogleFake.tokenRuns(dir)).isEqualTo(2);
    }

    @Test
    void permissionDeniedIsAuthenticationNamingTheProject() {
        server.on("POST", CREATE, Answer.json(403, error(403, "PERMISSION_DENIED",
                "Permission 'aiplatform.endpoints.predict' denied on resource (or it may not exist).")));

        assertThatThrownBy(() -> generator(VEO, context(vertexEnv())).generate(request(), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains(PROJECT).contains("aiplatform.endpoints.predict").doesNotContain(TOKEN);
                });
    }

    @Test
    void invalidArgumentNamesTheField() {
        server.on("POST", CREATE, Answer.json(400, "{\"error\":{\"code\":400,\"message\":\"Invalid value at 'parameters.duration_seconds'\","
                + "\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\","
                + "\"fieldViolations\":[{\"field\":\"parameters.duration_seconds\",\"description\":\"Invalid value\"}]}]}}"));

        assertThatThrownBy(() -> generator(VEO, context(vertexEnv())).generate(request(), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.parameter()).contains("parameters.duration_seconds");
                });
    }

    @Test
    void verticalProductionsAskForNineBySixteenAndGlobalLocationUsesTheGlobalHost() {
        Map<String, String> env = vertexEnv();
        env.put("GOOGLE_CLOUD_LOCATION", "global");
        env.put("GOOGLE_VEO_GENERATE_AUDIO", "true");
        VeoSettings settings = VeoSettings.resolve(new VendorContext(env, Map.of(), VendorHttp.defaultClient(), Clock.systemUTC(),
                Sleeper.REAL, RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, null), VeoRoute.VERTEX);
        assertThat(settings.base()).hasToString("https://aiplatform.googleapis.com");

        VendorContext context = context(env);
        GoogleClient client = GoogleModule.client(context, VeoRoute.VERTEX);
        var body = new VeoClipJobs(VEO, client).body(new ClipRequest(keyframe, "", CameraMove.ORBIT, 96, new VideoFormat(720, 1280, 24), -1), 4);
        assertThat(body.parameters().aspectRatio()).isEqualTo("9:16");
        assertThat(body.parameters().resolution()).isEqualTo("720p");
        assertThat(body.parameters().seed()).isEqualTo(0xFFFF_FFFFL);
        assertThat(body.parameters().generateAudio()).isTrue();
        assertThat(body.instances().getFirst().prompt()).isEqualTo("The camera orbits slowly around the subject.");
    }

    @Test
    void vertexNeedsAProjectAndAToken() {
        Map<String, String> env = vertexEnv();
        env.remove("GOOGLE_CLOUD_PROJECT");
        assertThatThrownBy(() -> generator(VEO, context(env))).isInstanceOf(InputException.class).hasMessageContaining("GOOGLE_CLOUD_PROJECT");
        Map<String, String> noToken = vertexEnv();
        noToken.remove("GOOGLE_VERTEX_ACCESS_TOKEN");
        assertThatThrownBy(() -> generator(VEO, context(noToken))).isInstanceOf(InputException.class)
                .hasMessageContaining("GOOGLE_VERTEX_ACCESS_TOKEN").hasMessageContaining("gcloud auth print-access-token");
    }

    @Test
    void vertexCheckReadsThePublisherModelOfAnActiveCatalogEntry() {
        server.on("GET", "/v1/publishers/google/models/" + VEO.model(), json("{\"name\":\"publishers/google/models/" + VEO.model() + "\"}"));

        String answer = new GoogleModule(CATALOG).check(context(vertexEnv()));

        assertThat(answer).contains(PROJECT).contains(VEO.model());
        assertThat(server.requests().getFirst().header("authorization")).isEqualTo("Bearer " + TOKEN);
    }

    // ---- Gemini API -------------------------------------------------------------------------------------------

    Map<String, String> geminiEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("GEMINI_API_KEY", GEMINI_KEY);
        return env;
    }

    @Test
    void geminiHappyPathPollsByNameDownloadsTheFileAndSendsNoVertexOnlyFields() throws IOException {
        String create = "/v1beta/models/" + GEMINI_VEO.model() + ":predictLongRunning";
        String name = GoogleFake.geminiOperation(GEMINI_VEO.model());
        server.on("POST", create, json(GoogleFake.operation(name)));
        server.on("GET", "/v1beta/" + name, json(GoogleFake.operation(name)), json(GoogleFake.geminiDone(name, "f4k3v1d30")));
        server.on("GET", "/v1beta/files/f4k3v1d30:download", Answer.bytes(200, "video/mp4", VIDEO));
        VideoGenerator generator = generator(GEMINI_VEO, context(geminiEnv()));

        VideoGenerator.GeneratedClip clip = generator.generate(request(), dir);

        assertThat(Files.readAllBytes(dir.resolve(clip.file()))).isEqualTo(VIDEO);
        assertThat(recorder.submitted).singleElement().satisfies(id -> assertThat(id.id()).isEqualTo(name));
        assertThat(server.requests()).allSatisfy(r -> {
            assertThat(r.header("x-goog-api-key")).isEqualTo(GEMINI_KEY);
            assertThat(r.header("authorization")).isNull();
        });
        FakeServer.Recorded sent = server.requests("POST", create).getFirst();
        JsonNode parameters = sent.json().path("parameters");
        assertThat(fieldNames(parameters)).containsExactlyInAnyOrder("sampleCount", "durationSeconds", "aspectRatio", "resolution");
        assertThat(sent.text()).doesNotContain("seed").doesNotContain("generateAudio").doesNotContain("storageUri");
        assertThat(parameters.path("durationSeconds").asInt()).isEqualTo(6);
        assertThat(parameters.path("resolution").asText()).isEqualTo("720p"); // 1080p only with 8 s on the Gemini API
        assertThat(sent.json().path("instances").get(0).path("image").path("mimeType").asText()).isEqualTo("image/png");
        assertThat(server.requests("GET", "/v1beta/files/f4k3v1d30:download").getFirst().query()).isEqualTo("alt=media");
    }

    @Test
    void geminiRefusesVertexOnlyOptionsUpFront() {
        Map<String, String> env = geminiEnv();
        env.put("GOOGLE_VEO_GENERATE_AUDIO", "true");
        assertThatThrownBy(() -> generator(GEMINI_VEO, context(env))).isInstanceOf(InputException.class).hasMessageContaining("Vertex AI only");
    }

    @Test
    void geminiBadKeyIsAuthenticationNamingTheVariableWithoutTheKey() {
        server.on("POST", "/v1beta/models/" + GEMINI_VEO.model() + ":predictLongRunning", Answer.json(400,
                "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\",\"status\":\"INVALID_ARGUMENT\","
                        + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\",\"domain\":\"googleapis.com\"}]}}"));

        assertThatThrownBy(() -> generator(GEMINI_VEO, context(geminiEnv())).generate(request(), dir))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("GEMINI_API_KEY").doesNotContain(GEMINI_KEY);
                });
    }

    @Test
    void geminiCheckListsModels() {
        server.on("GET", "/v1beta/models", json("{\"models\":[{\"name\":\"models/gemini-omni-1.1-flash\"},{\"name\":\"models/veo-3.1-generate-001\"}]}"));

        assertThat(new GoogleModule(CATALOG).check(context(geminiEnv()))).contains("2 models").contains("1 Veo");
        assertThat(server.requests().getFirst().header("x-goog-api-key")).isEqualTo(GEMINI_KEY);
    }

    @Test
    void routeFollowsTheCatalogIdElseTheProjectVariable() {
        VendorContext vertex = context(vertexEnv());
        VendorContext gemini = context(geminiEnv());
        ModelEntry plain = new ModelEntry("google/veo-x", "google", "veo-x", "video", null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        assertThat(VeoRoute.of(VEO, gemini)).isEqualTo(VeoRoute.VERTEX);
        assertThat(VeoRoute.of(GEMINI_VEO, vertex)).isEqualTo(VeoRoute.GEMINI);
        assertThat(VeoRoute.of(plain, vertex)).isEqualTo(VeoRoute.VERTEX);
        assertThat(VeoRoute.of(plain, gemini)).isEqualTo(VeoRoute.GEMINI);
        assertThat(new GoogleModule(CATALOG).configured(vertex)).isTrue();
        assertThat(new GoogleModule(CATALOG).configured(gemini)).isTrue();
        assertThat(new GoogleModule(CATALOG).configured(context(Map.of()))).isFalse();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
