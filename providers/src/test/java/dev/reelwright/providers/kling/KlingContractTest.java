package dev.reelwright.providers.kling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.ProviderSettings;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.remote.JobId;
import dev.reelwright.core.remote.JobRunner;
import dev.reelwright.core.remote.PollPolicy;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.LipSyncer;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.remote.CameraWords;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import dev.reelwright.providers.testing.FakeTime;
import dev.reelwright.providers.testing.TestContexts;
import dev.reelwright.providers.testing.TruncatingServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kling's official API (PROVIDERS.md §8) spoken by a fake server, driven through the SPIs. */
class KlingContractTest {
    private static final String ACCESS = KlingFake.ACCESS;
    private static final String SECRET = KlingFake.SECRET;
    private static final ModelCatalog CATALOG = ModelCatalog.bundled();
    private static final ModelEntry V1 = CATALOG.find("kling/kling-v1-t2v").orElseThrow();
    private static final ModelEntry MASTER = CATALOG.find("kling/kling-v2-1-master").orElseThrow();
    private static final ModelEntry LIP_SYNC = CATALOG.find("kling/lip-sync").orElseThrow();
    private static final String I2V = "/v1/videos/image2video";

    @TempDir
    Path tmp;
    private final FakeServer server = new FakeServer();
    private final TestContexts.Recorder recorder = new TestContexts.Recorder();
    private final FakeTime time = new FakeTime();
    private Path keyframe;

    @BeforeEach
    void files() throws IOException {
        keyframe = TestContexts.writePng(tmp.resolve("keyframe.png"), 640, 360, (x, y) -> (x % 256) << 16 | (y % 256) << 8 | 60);
        Files.createDirectories(tmp.resolve("out"));
    }

    @AfterEach
    void close() {
        server.close();
    }

    /** The fake's base URL through production.yaml settings, both keys in the environment, a clock that moves only when the runner sleeps. */
    private VendorContext context(FakeServer fake, Integer timeoutSeconds) {
        return new VendorContext(Map.of("KLING_ACCESS_KEY", ACCESS, "KLING_SECRET_KEY", SECRET),
                Map.of("kling", new ProviderSettings(fake.baseUrl().toString(), null, timeoutSeconds)), VendorHttp.defaultClient(),
                time, time, RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, recorder);
    }

    private VendorContext context() {
        return context(server, null);
    }

    private VideoGenerator generator(ModelEntry model, VendorContext context) {
        return new KlingModule(CATALOG).videos(model, context).orElseThrow();
    }

    private ClipRequest request(CameraMove camera) {
        return new ClipRequest(keyframe, "A red kite over green hills", camera, 120, new VideoFormat(1280, 720, 24), 7);
    }

    private static Answer envelope(String data) {
        return KlingFake.envelope(data);
    }

    private static Answer submitted(String taskId) {
        return KlingFake.submitted(taskId);
    }

    private static Answer status(String taskId, String status, String extra) {
        return KlingFake.status(taskId, status, extra);
    }

    private Answer succeed(String taskId, String videoId, String file) {
        return KlingFake.succeed(taskId, videoId, server.baseUrl() + "/files/" + file);
    }

    private static Answer error(int http, int code, String message) {
        return Answer.json(http, "{\"code\":" + code + ",\"message\":\"" + message + "\",\"request_id\":\"req-err\"}");
    }

    @Test
    void signsEveryRequestWithAFreshHs256JwtFromTheContextClock() throws Exception {
        server.on("POST", I2V, submitted("t-1"));
        server.on("GET", I2V + "/t-1", status("t-1", "processing", ""), succeed("t-1", "v-1", "a.mp4"));
        server.on("GET", "/files/a.mp4", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(256)));

        generator(V1, context()).generate(request(CameraMove.STATIC), tmp.resolve("out"));

        List<FakeServer.Recorded> requests = server.requests().stream().filter(r -> r.path().startsWith("/v1/")).toList();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(3);
        for (FakeServer.Recorded request : requests) {
            String authorization = request.header("Authorization");
            assertThat(authorization).startsWith("Bearer ");
            String[] parts = authorization.substring("Bearer ".length()).split("\\.");
            assertThat(parts).hasSize(3);
            JsonNode header = Json.json().readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode payload = Json.json().readTree(Base64.getUrlDecoder().decode(parts[1]));
            assertThat(header.path("alg").asText()).isEqualTo("HS256");
            assertThat(header.path("typ").asText()).isEqualTo("JWT");
            assertThat(fieldNames(header)).containsExactly("alg", "typ");
            assertThat(fieldNames(payload)).containsExactlyInAnyOrder("iss", "exp", "nbf");
            assertThat(payload.path("iss").asText()).isEqualTo(ACCESS);
            // Signed when the request left: the fake clock has advanced by the sleeps before it.
            long issued = payload.path("nbf").asLong() + 5;
            assertThat(payload.path("exp").asLong()).isEqualTo(issued + 1800);
            assertThat(issued).isBetween(time.start.getEpochSecond(), time.instant().getEpochSecond());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);
            assertThat(parts[2]).doesNotContain("=").doesNotContain("+").doesNotContain("/");
            assertThat(authorization).doesNotContain(SECRET);
        }
        String first = requests.get(0).header("Authorization");
        assertThat(requests.get(requests.size() - 1).header("Authorization")).isNotEqualTo(first); // a new token after the clock moved

        String token = KlingToken.create(ACCESS, SECRET, Instant.ofEpochSecond(1_800_000_000L));
        JsonNode payload = Json.json().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(payload.path("exp").asLong()).isEqualTo(1_800_001_800L);
        assertThat(payload.path("nbf").asLong()).isEqualTo(1_799_999_995L);
    }

    @Test
    void generatesAClipWithCameraControlAndSendsTheDocumentedBody() throws IOException {
        server.on("POST", I2V, submitted("t-1"));
        server.on("GET", I2V + "/t-1", status("t-1", "submitted", ""), status("t-1", "processing", ""), succeed("t-1", "v-1", "a.mp4"));
        byte[] video = TestContexts.fakeMp4(2048);
        server.on("GET", "/files/a.mp4", Answer.bytes(200, "video/mp4", video));

        VideoGenerator.GeneratedClip clip = generator(V1, context()).generate(request(CameraMove.DOLLY_IN), tmp.resolve("out"));

        assertThat(Files.readAllBytes(tmp.resolve("out").resolve(clip.file()))).isEqualTo(video);
        assertThat(clip.frames()).isEqualTo(120);
        assertThat(clip.charge().usd()).isEqualTo(V1.price("per_second") * 5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(clip.charge().estimated()).isTrue();
        assertThat(recorder.submitted).hasSize(1);
        JobId journaled = recorder.submitted.getFirst();
        assertThat(journaled.vendor()).isEqualTo("kling");
        assertThat(journaled.id()).isEqualTo("t-1");
        assertThat(journaled.handle("path")).isEqualTo(I2V);

        FakeServer.Recorded submit = server.requests("POST", I2V).getFirst();
        assertThat(submit.header("Content-Type")).startsWith("application/json");
        JsonNode body = submit.json();
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("model_name", "image", "prompt", "duration", "camera_control", "external_task_id");
        assertThat(body.path("model_name").asText()).isEqualTo(V1.model());
        assertThat(body.path("duration").isTextual()).isTrue();
        assertThat(body.path("duration").asText()).isEqualTo("5");
        assertThat(body.path("prompt").asText()).isEqualTo("A red kite over green hills");
        assertThat(body.path("image").asText()).doesNotStartWith("data:");
        assertThat(Base64.getDecoder().decode(body.path("image").asText())).isEqualTo(Files.readAllBytes(keyframe));
        assertThat(body.path("camera_control").path("type").asText()).isEqualTo("simple");
        assertConfig(body.path("camera_control").path("config"), "zoom", -5);
        assertThat(body.path("external_task_id").asText()).matches("rw-[0-9a-f]{40}").isEqualTo(journaled.handle("external_task_id"));
        assertThat(server.requests("POST", I2V)).hasSize(1);
    }

    @Test
    void mapsEveryCameraMoveOntoKlingsCameraControl() {
        Map<CameraMove, String> expectedAxis = Map.of(CameraMove.DOLLY_IN, "zoom", CameraMove.DOLLY_OUT, "zoom", CameraMove.PAN_LEFT, "horizontal",
                CameraMove.PAN_RIGHT, "horizontal", CameraMove.CRANE_UP, "vertical", CameraMove.CRANE_DOWN, "vertical");
        Map<CameraMove, Integer> expectedSign = Map.of(CameraMove.DOLLY_IN, -1, CameraMove.DOLLY_OUT, 1, CameraMove.PAN_LEFT, -1,
                CameraMove.PAN_RIGHT, 1, CameraMove.CRANE_UP, 1, CameraMove.CRANE_DOWN, -1);
        for (CameraMove move : expectedAxis.keySet()) {
            JsonNode control = Json.json().valueToTree(KlingCamera.control(move).orElseThrow());
            assertThat(control.path("type").asText()).isEqualTo("simple");
            assertConfig(control.path("config"), expectedAxis.get(move), expectedSign.get(move) * 5);
        }
        JsonNode orbit = Json.json().valueToTree(KlingCamera.control(CameraMove.ORBIT).orElseThrow());
        assertThat(fieldNames(orbit)).containsExactly("type");
        assertThat(orbit.path("type").asText()).isEqualTo("right_turn_forward");
        assertThat(KlingCamera.control(CameraMove.STATIC)).isEmpty();
        assertThatThrownBy(() -> new dev.reelwright.providers.kling.api.CameraControl.Config(1, 1, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendsCameraControlForSeveralMovesAndWordsForStatic() throws IOException {
        for (CameraMove move : List.of(CameraMove.PAN_LEFT, CameraMove.CRANE_UP, CameraMove.ORBIT, CameraMove.STATIC)) {
            try (FakeServer fake = new FakeServer()) {
                fake.on("POST", I2V, submitted("t-" + move));
                fake.on("GET", I2V + "/t-" + move, status("t-" + move, "succeed", ",\"task_result\":{\"videos\":[{\"id\":\"v\",\"url\":\""
                        + fake.baseUrl() + "/files/a.mp4\",\"duration\":\"5\"}]}"));
                fake.on("GET", "/files/a.mp4", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(64)));
                Path folder = Files.createDirectories(tmp.resolve("out-" + move));
                generator(V1, context(fake, null)).generate(request(move), folder);
                JsonNode body = fake.requests("POST", I2V).getFirst().json();
                switch (move) {
                    case PAN_LEFT -> assertConfig(body.path("camera_control").path("config"), "horizontal", -5);
                    case CRANE_UP -> assertConfig(body.path("camera_control").path("config"), "vertical", 5);
                    case ORBIT -> {
                        assertThat(body.path("camera_control").path("type").asText()).isEqualTo("right_turn_forward");
                        assertThat(body.path("camera_control").has("config")).isFalse();
                    }
                    default -> {
                        assertThat(body.has("camera_control")).isFalse();
                        assertThat(body.path("prompt").asText()).isEqualTo("A red kite over green hills. " + CameraWords.sentence(CameraMove.STATIC));
                    }
                }
                assertThat(body.has("image_tail")).isFalse();
                assertThat(body.has("static_mask")).isFalse();
                assertThat(body.has("dynamic_masks")).isFalse();
            }
        }
    }

    @Test
    void aModelWithoutCameraControlGetsTheMoveInWords() {
        server.on("POST", I2V, submitted("t-1"));
        server.on("GET", I2V + "/t-1", succeed("t-1", "v-1", "a.mp4"));
        server.on("GET", "/files/a.mp4", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(64)));

        generator(MASTER, context()).generate(request(CameraMove.PAN_RIGHT), tmp.resolve("out"));

        JsonNode body = server.requests("POST", I2V).getFirst().json();
        assertThat(body.path("model_name").asText()).isEqualTo(MASTER.model());
        assertThat(body.has("camera_control")).isFalse();
        assertThat(body.path("prompt").asText()).isEqualTo("A red kite over green hills. The camera pans slowly to the right.");
    }

    @Test
    void theSameRequestGetsTheSameExternalTaskIdAndAnotherRequestAnother() {
        KlingVideoJobs jobs = new KlingVideoJobs(V1, new KlingClient(context(), server.baseUrl()));
        String a = jobs.imageJob(keyframe, "one", CameraMove.STATIC, 5).externalTaskId();
        assertThat(jobs.imageJob(keyframe, "one", CameraMove.STATIC, 5).externalTaskId()).isEqualTo(a);
        assertThat(jobs.imageJob(keyframe, "two", CameraMove.STATIC, 5).externalTaskId()).isNotEqualTo(a);
        assertThat(jobs.imageJob(keyframe, "one", CameraMove.STATIC, 10).externalTaskId()).isNotEqualTo(a);
    }

    @Test
    void aLostSubmitReplyIsLookedUpByExternalTaskIdBeforeAnyResubmit() {
        AtomicInteger posts = new AtomicInteger();
        server.on("POST", I2V, request -> {
            posts.incrementAndGet();
            String external = request.json().path("external_task_id").asText();
            server.on("GET", I2V + "/" + external, status("t-lost", "processing", ",\"task_info\":{\"external_task_id\":\"" + external + "\"}"));
            throw new IllegalStateException("the reply is lost: the connection closes without an answer");
        });
        server.on("GET", I2V + "/t-lost", succeed("t-lost", "v-1", "a.mp4"));
        server.on("GET", "/files/a.mp4", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(64)));

        generator(V1, context()).generate(request(CameraMove.DOLLY_OUT), tmp.resolve("out"));

        assertThat(posts.get()).isEqualTo(1);
        assertThat(recorder.submitted).extracting(JobId::id).containsExactly("t-lost");
    }

    @Test
    void aLostSubmitWhoseTaskDoesNotExistIsSentAgainWithTheSameExternalTaskId() {
        AtomicInteger posts = new AtomicInteger();
        server.on("POST", I2V, request -> {
            if (posts.incrementAndGet() == 1) throw new IllegalStateException("the reply is lost");
            return submitted("t-2");
        });
        server.on("GET", I2V + "/t-2", succeed("t-2", "v-1", "a.mp4"));
        server.on("GET", "/files/a.mp4", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(64)));

        generator(V1, context()).generate(request(CameraMove.DOLLY_OUT), tmp.resolve("out"));

        List<FakeServer.Recorded> sent = server.requests("POST", I2V);
        assertThat(sent).hasSize(2);
        String external = sent.get(0).json().path("external_task_id").asText();
        assertThat(sent.get(1).json().path("external_task_id").asText()).isEqualTo(external);
        List<FakeServer.Recorded> lookups = server.requests("GET", I2V + "/" + external);
        assertThat(lookups).hasSize(1); // 404 from the fake: "no such task"
        assertThat(server.requests().indexOf(lookups.getFirst())).isBetween(server.requests().indexOf(sent.get(0)), server.requests().indexOf(sent.get(1)));
    }

    @Test
    void aRerunOfARequestWhoseEarlierTaskFailedSendsANewGenerationOfTheId() {
        AtomicInteger posts = new AtomicInteger();
        server.on("POST", I2V, request -> {
            String external = request.json().path("external_task_id").asText();
            if (posts.incrementAndGet() == 1) {
                server.on("GET", I2V + "/" + external, status("t-old", "failed", ",\"task_status_msg\":\"Internal error\""));
                return error(400, 1201, "external_task_id already exists");
            }
            return submitted("t-new");
        });
        server.on("GET", I2V + "/t-new", succeed("t-new", "v-1", "a.mp4"));
        server.on("GET", "/files/a.mp4", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(64)));

        generator(V1, context()).generate(request(CameraMove.STATIC), tmp.resolve("out"));

        List<FakeServer.Recorded> sent = server.requests("POST", I2V);
        assertThat(sent).hasSize(2);
        String first = sent.get(0).json().path("external_task_id").asText();
        assertThat(sent.get(1).json().path("external_task_id").asText()).isEqualTo(first + "-g2");
        assertThat(recorder.submitted).extracting(JobId::id).containsExactly("t-new");
    }

    @Test
    void aRateLimitIsWaitedOutForRetryAfterAndResubmitted() {
        server.on("POST", I2V, error(429, 1302, "Too many requests").withHeader("Retry-After", "9"), submitted("t-1"));
        server.on("GET", I2V + "/t-1", succeed("t-1", "v-1", "a.mp4"));
        server.on("GET", "/files/a.mp4", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(64)));

        generator(V1, context()).generate(request(CameraMove.STATIC), tmp.resolve("out"));

        assertThat(time.sleeps.getFirst()).isEqualTo(Duration.ofSeconds(9));
        // 1302 is a refusal before a task exists, and the external_task_id would catch a duplicate anyway.
        assertThat(server.requests("POST", I2V)).hasSize(2);
        assertThat(recorder.submitted).hasSize(1);
    }

    @Test
    void anExhaustedAccountIsQuotaNotARateLimitAndIsNotRetried() {
        server.on("POST", I2V, error(429, 1102, "Resource pack exhausted"));
        assertThatThrownBy(() -> generator(V1, context()).generate(request(CameraMove.STATIC), tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXHAUSTED));
        assertThat(server.requests("POST", I2V)).hasSize(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void aFailingPollIsRetriedWithoutSubmittingAgain() {
        server.on("POST", I2V, submitted("t-1"));
        server.on("GET", I2V + "/t-1", error(500, 5000, "Server internal error"), error(503, 5001, "Service unavailable"), succeed("t-1", "v-1", "a.mp4"));
        server.on("GET", "/files/a.mp4", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(64)));

        generator(V1, context()).generate(request(CameraMove.STATIC), tmp.resolve("out"));

        assertThat(server.requests("GET", I2V + "/t-1")).hasSize(3);
        assertThat(server.requests("POST", I2V)).hasSize(1);
    }

    @Test
    void aFailedTaskIsAFailedJobAndAModerationFailureIsContentPolicy() {
        server.on("POST", I2V, submitted("t-1"));
        server.on("GET", I2V + "/t-1", status("t-1", "failed", ",\"task_status_msg\":\"Internal generation error\""));
        assertThatThrownBy(() -> generator(V1, context()).generate(request(CameraMove.STATIC), tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.JOB_FAILED);
                    assertThat(e.getMessage()).contains("Internal generation error");
                });

        try (FakeServer fake = new FakeServer()) {
            fake.on("POST", I2V, submitted("t-2"));
            fake.on("GET", I2V + "/t-2", status("t-2", "failed", ",\"task_status_msg\":\"Content moderation review failed.\""));
            assertThatThrownBy(() -> generator(V1, context(fake, null)).generate(request(CameraMove.STATIC), tmp.resolve("out")))
                    .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONTENT_POLICY));
            assertThat(fake.requests("POST", I2V)).hasSize(1);
        }
    }

    @Test
    void aContentRefusalAtSubmitIsNeverRetried() {
        server.on("POST", I2V, error(400, 1301, "Trigger the platform's content security policy"), submitted("t-1"));
        assertThatThrownBy(() -> generator(V1, context()).generate(request(CameraMove.STATIC), tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONTENT_POLICY);
                    assertThat(e.retriable()).isFalse();
                });
        assertThat(server.requests("POST", I2V)).hasSize(1);
    }

    @Test
    void anInvalidParameterIsNamed() {
        server.on("POST", I2V, error(400, 1201, "Invalid parameter: duration must be 5 or 10"));
        assertThatThrownBy(() -> generator(V1, context()).generate(request(CameraMove.STATIC), tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.parameter()).contains("duration");
                });
        // The refusal might have been a duplicate external_task_id: looked up once (404 here), then reported.
        assertThat(server.requests("POST", I2V)).hasSize(1);
    }

    @Test
    void aTaskThatNeverFinishesTimesOutWithoutACancelKlingDoesNotHave() {
        server.on("POST", I2V, submitted("t-1"));
        server.on("GET", I2V + "/t-1", status("t-1", "processing", ""));

        assertThatThrownBy(() -> generator(V1, context(server, 60)).generate(request(CameraMove.STATIC), tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMED_OUT));
        assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.method()).isIn("GET", "POST"));
        assertThat(server.requests("POST", I2V)).hasSize(1);
    }

    @Test
    void aTruncatedDownloadIsBadOutput() throws IOException {
        try (TruncatingServer cdn = new TruncatingServer(TestContexts.fakeMp4(1024), 50_000)) {
            server.on("POST", I2V, submitted("t-1"));
            server.on("GET", I2V + "/t-1", status("t-1", "succeed", ",\"task_result\":{\"videos\":[{\"id\":\"v\",\"url\":\"" + cdn.url("/a.mp4") + "\"}]}"));
            assertThatThrownBy(() -> generator(V1, context()).generate(request(CameraMove.STATIC), tmp.resolve("out")))
                    .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT));
            assertThat(tmp.resolve("out").resolve("clip.mp4")).doesNotExist();
        }
    }

    @Test
    void aRefusedKeyNamesBothVariablesAndNeverAKeyOrToken() {
        server.on("POST", I2V, error(401, 1002, "Authorization is invalid"));
        assertThatThrownBy(() -> generator(V1, context()).generate(request(CameraMove.STATIC), tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("KLING_ACCESS_KEY").contains("KLING_SECRET_KEY").doesNotContain(ACCESS).doesNotContain(SECRET)
                            .doesNotContain(server.requests().getFirst().header("Authorization").substring(7));
                });
        assertThat(server.requests("POST", I2V)).hasSize(1);
    }

    @Test
    void checkQueriesANonexistentTaskAndJudgesOnlyTheKey() {
        server.on("GET", I2V + "/" + KlingModule.CHECK_TASK_ID, error(404, 1203, "task not found"));
        assertThat(new KlingModule(CATALOG).check(context())).contains("accepted").contains(server.baseUrl().toString());
        assertThat(server.requests("GET", I2V + "/" + KlingModule.CHECK_TASK_ID).getFirst().header("Authorization")).startsWith("Bearer ey");

        try (FakeServer fake = new FakeServer()) {
            fake.on("GET", I2V + "/" + KlingModule.CHECK_TASK_ID, error(401, 1004, "Token expired"));
            assertThatThrownBy(() -> new KlingModule(CATALOG).check(context(fake, null)))
                    .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION));
        }
        VendorContext onlyAccess = new VendorContext(Map.of("KLING_ACCESS_KEY", ACCESS), Map.of(), VendorHttp.defaultClient(), time, time,
                RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, recorder);
        assertThat(new KlingModule(CATALOG).configured(onlyAccess)).isFalse();
        assertThat(new KlingModule(CATALOG).configured(context())).isTrue();
        assertThat(new KlingModule(CATALOG).baseUrl(onlyAccess).toString()).isEqualTo("https://api-singapore.klingai.com");
    }

    @Test
    void textToVideoSendsAspectRatioAndCameraControl() {
        server.on("POST", "/v1/videos/text2video", submitted("t-9"));
        server.on("GET", "/v1/videos/text2video/t-9", succeed("t-9", "v-9", "t.mp4"));
        var job = new KlingModule(CATALOG).textToVideo(V1, context(), "Snow falling on a pine forest", CameraMove.CRANE_DOWN, 1080, 1920, 10);

        new JobRunner(PollPolicy.VIDEO, time, time, RandomGenerator.of("L64X128MixRandom")).run(job, recorder);

        JsonNode body = server.requests("POST", "/v1/videos/text2video").getFirst().json();
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("model_name", "prompt", "aspect_ratio", "duration", "camera_control", "external_task_id");
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(body.path("duration").asText()).isEqualTo("10");
        assertConfig(body.path("camera_control").path("config"), "vertical", -5);
        assertThat(server.requests("GET", "/v1/videos/text2video/t-9")).hasSize(1);
    }

    @Test
    void lipSyncMakesAKlingClipFromTheImageThenSyncsTheSpeechToIt() throws IOException {
        Path speech = wav(3.0);
        server.on("POST", I2V, submitted("base-1"));
        server.on("GET", I2V + "/base-1", status("base-1", "processing", ""), succeed("base-1", "vid-base", "base.mp4"));
        server.on("POST", "/v1/videos/lip-sync", submitted("lip-1"));
        server.on("GET", "/v1/videos/lip-sync/lip-1", status("lip-1", "processing", ""), succeed("lip-1", "vid-lip", "lip.mp4"));
        byte[] video = TestContexts.fakeMp4(512);
        server.on("GET", "/files/lip.mp4", Answer.bytes(200, "video/mp4", video));
        LipSyncer syncer = new KlingModule(CATALOG).lipSync(LIP_SYNC, context()).orElseThrow();

        VideoGenerator.GeneratedClip clip = syncer.lipSync(new LipSyncer.LipSyncRequest(keyframe, speech, "A sailor on deck", 1), tmp.resolve("out"));

        assertThat(clip.file()).isEqualTo("lipsync.mp4");
        assertThat(Files.readAllBytes(tmp.resolve("out").resolve("lipsync.mp4"))).isEqualTo(video);
        assertThat(clip.frames()).isEqualTo(150); // the verifier's 5.0 s at Kling's 30 fps
        // One catalog price for both tasks (base clip and lip sync), on the 5 s base clip: what the router reserves.
        assertThat(clip.charge().usd()).isEqualTo(LIP_SYNC.price("per_second") * 5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(clip.charge().usd()).isEqualTo(dev.reelwright.core.cost.Pricing.take(LIP_SYNC, 3.2, null), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(recorder.submitted).extracting(JobId::id).containsExactly("base-1", "lip-1");

        JsonNode base = server.requests("POST", I2V).getFirst().json();
        assertThat(base.path("model_name").asText()).isEqualTo(V1.model());
        assertThat(base.path("duration").asText()).isEqualTo("5");
        assertThat(base.has("camera_control")).isFalse();
        assertThat(base.path("prompt").asText()).startsWith("A sailor on deck. ").contains("speaks");
        JsonNode input = server.requests("POST", "/v1/videos/lip-sync").getFirst().json().path("input");
        assertThat(fieldNames(input)).containsExactlyInAnyOrder("video_id", "mode", "audio_type", "audio_file");
        assertThat(input.path("video_id").asText()).isEqualTo("vid-base");
        assertThat(input.path("mode").asText()).isEqualTo("audio2video");
        assertThat(input.path("audio_type").asText()).isEqualTo("file");
        assertThat(Base64.getDecoder().decode(input.path("audio_file").asText())).isEqualTo(Files.readAllBytes(speech));
        assertThat(server.requests("GET", "/files/base.mp4")).isEmpty();
    }

    @Test
    void lipSyncRefusesWhatKlingCannotTakeBeforePayingForAnything() throws IOException {
        LipSyncer syncer = new KlingModule(CATALOG).lipSync(LIP_SYNC, context()).orElseThrow();
        Path longSpeech = wav(12.0);
        assertThatThrownBy(() -> syncer.lipSync(new LipSyncer.LipSyncRequest(keyframe, longSpeech, "x", 1), tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("12.0 s");
                });
        Path clip = tmp.resolve("clip.mp4");
        Files.write(clip, TestContexts.fakeMp4(64));
        assertThatThrownBy(() -> syncer.lipSync(new LipSyncer.LipSyncRequest(clip, wav(3.0), "x", 1), tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.getMessage()).contains("cannot be uploaded"));
        assertThat(server.requests()).isEmpty();
        assertThat(new KlingModule(CATALOG).baseVideoModel()).contains(V1);
    }

    private Path wav(double seconds) throws IOException {
        Path file = Files.createTempFile(tmp, "speech", ".wav");
        AudioFormat format = new AudioFormat(16_000, 16, 1, true, false);
        int frames = (int) (seconds * 16_000);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(new byte[frames * 2]), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    private static void assertConfig(JsonNode config, String axis, double value) {
        assertThat(fieldNames(config)).containsExactlyInAnyOrder("horizontal", "vertical", "pan", "tilt", "roll", "zoom");
        config.fields().forEachRemaining(entry -> {
            assertThat(entry.getValue().isNumber()).isTrue();
            assertThat(entry.getValue().asDouble()).as(entry.getKey()).isEqualTo(entry.getKey().equals(axis) ? value : 0);
        });
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
