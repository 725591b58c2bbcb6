package dev.reelwright.providers.fal;

import static dev.reelwright.providers.fal.FalFake.KEY;
import static dev.reelwright.providers.fal.FalFake.completed;
import static dev.reelwright.providers.fal.FalFake.completedWithError;
import static dev.reelwright.providers.fal.FalFake.inProgress;
import static dev.reelwright.providers.fal.FalFake.inQueue;
import static dev.reelwright.providers.fal.FalFake.json;
import static dev.reelwright.providers.fal.FalFake.queued;
import static dev.reelwright.providers.fal.FalFake.requestPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.ProviderSettings;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.remote.JobId;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import dev.reelwright.providers.testing.FakeServer.Recorded;
import dev.reelwright.providers.testing.FakeTime;
import dev.reelwright.providers.testing.TestContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The video seam against a fake fal that speaks the queue protocol of PROVIDERS.md §1. */
class FalVideoContractTest {
    private static final ModelCatalog CATALOG = ModelCatalog.bundled();
    private static final ModelEntry KLING_I2V = CATALOG.find("fal/kling-v2.1-master-i2v").orElseThrow();
    private static final ModelEntry KLING_T2V = CATALOG.find("fal/kling-v2.1-master-t2v").orElseThrow();
    private static final ModelEntry WAN_I2V = CATALOG.find("fal/wan-2.1-i2v").orElseThrow();
    private static final String REQUEST = "764cabcf-b745-4b3e-ae38-1200304cf45b";

    @TempDir
    Path dir;

    private final FakeServer server = new FakeServer();
    private final TestContexts.Recorder recorder = new TestContexts.Recorder();
    private final FalModule module = new FalModule(CATALOG);
    private Path keyframe;
    private Path folder;

    @BeforeEach
    void files() throws IOException {
        keyframe = Files.write(dir.resolve("keyframe.img"), TestContexts.fakePng());
        folder = Files.createDirectories(dir.resolve("step"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private VendorContext context() {
        return TestContexts.pointingAt(server, "fal", FalFake.env(), recorder);
    }

    private VideoGenerator generator(ModelEntry model, VendorContext context) {
        return module.videos(model, context).orElseThrow();
    }

    private ClipRequest request(CameraMove camera, int frames, VideoFormat format) {
        return new ClipRequest(keyframe, "A lighthouse at dusk, waves breaking on the rocks", camera, frames, format, 42);
    }

    private ClipRequest request() {
        return request(CameraMove.DOLLY_IN, 120, new VideoFormat(1280, 720, 24));
    }

    /** Upload, submit, three polls, result, download: the whole documented exchange. */
    private void happyPath(String endpoint, String requestId) {
        FalFake.uploads(server, server, "keyframe-1.png");
        server.on("POST", "/" + endpoint, queued(server, endpoint, requestId));
        server.on("GET", requestPath(endpoint, requestId) + "/status",
                inQueue(server, endpoint, requestId, 3), inProgress(server, endpoint, requestId), completed(server, endpoint, requestId));
        server.on("GET", requestPath(endpoint, requestId),
                Answer.json(200, json("{'video':{'url':'" + server.baseUrl() + "/files/out.mp4','content_type':'video/mp4','file_name':'out.mp4','file_size':4096}}")));
        server.on("GET", "/files/out.mp4", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(4096)));
    }

    @Test
    void imageToVideoUploadsTheKeyframeSubmitsPollsFetchesAndDownloads() throws IOException {
        String endpoint = KLING_I2V.model();
        happyPath(endpoint, REQUEST);

        VideoGenerator.GeneratedClip clip = generator(KLING_I2V, context()).generate(request(), folder);

        assertThat(clip.file()).isEqualTo("clip.mp4");
        assertThat(clip.frames()).isEqualTo(120);
        assertThat(Files.readAllBytes(folder.resolve("clip.mp4"))).isEqualTo(TestContexts.fakeMp4(4096));
        assertThat(clip.charge().vendor()).isEqualTo("fal");
        assertThat(clip.charge().model()).isEqualTo(endpoint);
        assertThat(clip.charge().usd()).isEqualTo(0.28 * 5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(clip.charge().estimated()).isTrue();

        List<Recorded> sent = server.requests();
        assertThat(sent).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "POST /storage/upload/initiate",
                "PUT /put/keyframe-1.png",
                "POST /" + endpoint,
                "GET " + requestPath(endpoint, REQUEST) + "/status",
                "GET " + requestPath(endpoint, REQUEST) + "/status",
                "GET " + requestPath(endpoint, REQUEST) + "/status",
                "GET " + requestPath(endpoint, REQUEST),
                "GET /files/out.mp4");
        // the submit path is exactly the catalog's endpoint id; status and result use the short owner/alias form fal returned
        assertThat(sent.get(2).path()).isEqualTo("/fal-ai/kling-video/v2.1/master/image-to-video");
        assertThat(sent.get(3).path()).isEqualTo("/fal-ai/kling-video/requests/" + REQUEST + "/status");

        Recorded initiate = sent.get(0);
        assertThat(initiate.query()).isEqualTo("storage_type=fal-cdn-v3");
        assertThat(initiate.header("Authorization")).isEqualTo("Key " + KEY);
        assertThat(initiate.json().path("content_type").asText()).isEqualTo("image/png");
        assertThat(initiate.json().path("file_name").asText()).isEqualTo("keyframe.png");

        Recorded put = sent.get(1);
        assertThat(put.body()).isEqualTo(TestContexts.fakePng());
        assertThat(put.header("Content-Type")).isEqualTo("image/png");
        assertThat(put.header("Authorization")).as("the pre-signed upload URL gets no fal key").isNull();
        assertThat(put.query()).isEqualTo("X-Goog-Signature=abc");

        Recorded submit = sent.get(2);
        assertThat(submit.header("Authorization")).isEqualTo("Key " + KEY);
        assertThat(submit.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = submit.json();
        assertThat(body.path("prompt").asText())
                .isEqualTo("A lighthouse at dusk, waves breaking on the rocks. " + FalVideoJobs.camera(CameraMove.DOLLY_IN));
        assertThat(body.path("image_url").asText()).isEqualTo("https://v3b.fal.media/files/b/keyframe-1.png");
        assertThat(body.path("duration").isTextual()).isTrue();
        assertThat(body.path("duration").asText()).isEqualTo("5");
        assertThat(body.path("negative_prompt").asText()).isNotBlank();
        assertThat(body.has("aspect_ratio")).as("v2.1 master image-to-video takes no aspect_ratio").isFalse();
        assertThat(body.has("start_image_url")).isFalse();
        assertThat(body.has("camera_control")).isFalse();
        assertThat(body.has("seed")).as("Kling takes no seed").isFalse();

        for (Recorded poll : sent.subList(3, 7)) assertThat(poll.header("Authorization")).isEqualTo("Key " + KEY);
        assertThat(sent.get(7).header("Authorization")).as("result files are fetched without the key").isNull();

        assertThat(recorder.submitted).hasSize(1);
        JobId id = recorder.submitted.getFirst();
        assertThat(id.vendor()).isEqualTo("fal");
        assertThat(id.id()).isEqualTo(REQUEST);
        assertThat(id.handle("status_url")).isEqualTo(server.baseUrl() + requestPath(endpoint, REQUEST) + "/status");
        assertThat(id.handle("response_url")).isEqualTo(server.baseUrl() + requestPath(endpoint, REQUEST));
        assertThat(id.handle("cancel_url")).isEqualTo(server.baseUrl() + requestPath(endpoint, REQUEST) + "/cancel");
        assertThat(id.handle("endpoint")).isEqualTo(endpoint);
        assertThat(recorder.sleeps).hasSize(2); // between the three status polls
    }

    @Test
    void textToVideoSendsNoImageButTheAspectRatioAndTheLongerDuration() {
        String endpoint = KLING_T2V.model();
        happyPath(endpoint, REQUEST);

        generator(KLING_T2V, context()).generate(request(CameraMove.PAN_LEFT, 9 * 30, new VideoFormat(1080, 1920, 30)), folder);

        assertThat(server.requests("POST", "/storage/upload/initiate")).isEmpty();
        JsonNode body = server.requests("POST", "/" + endpoint).getFirst().json();
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(body.path("duration").asText()).isEqualTo("10"); // 9 s is covered by the catalog's 10 s clip
        assertThat(body.path("prompt").asText()).contains("pan to the left");
        assertThat(body.has("image_url")).isFalse();
    }

    @Test
    void wanTakesFramesResolutionAspectRatioAndSeed() {
        String endpoint = WAN_I2V.model();
        happyPath(endpoint, REQUEST);

        generator(WAN_I2V, context()).generate(request(CameraMove.STATIC, 100, new VideoFormat(854, 480, 20)), folder);

        JsonNode body = server.requests("POST", "/" + endpoint).getFirst().json();
        assertThat(server.requests("GET", "/fal-ai/wan-i2v/requests/" + REQUEST + "/status")).hasSize(3);
        assertThat(body.path("image_url").asText()).isEqualTo("https://v3b.fal.media/files/b/keyframe-1.png");
        assertThat(body.path("num_frames").asInt()).isEqualTo(81);
        assertThat(body.path("frames_per_second").asInt()).isEqualTo(16);
        assertThat(body.path("resolution").asText()).isEqualTo("480p");
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("16:9");
        assertThat(body.path("seed").asLong()).isEqualTo(42);
        assertThat(body.has("duration")).isFalse();
        assertThat(body.path("prompt").asText()).contains("no camera movement");
    }

    @Test
    void klingV3ImageToVideoTakesTheKeyframeAsStartImageUrl() {
        ModelEntry v3 = new ModelEntry("fal/kling-v3-pro-i2v", "fal", "fal-ai/kling-video/v3/pro/image-to-video", "video",
                List.of("image-to-video"), List.of(5, 10), List.of("1080p"), List.of("16:9", "9:16", "1:1"),
                null, null, null, null, Map.of("per_second", 0.2), null, null, null, null, null, null);
        happyPath(v3.model(), REQUEST);

        generator(v3, context()).generate(request(), folder);

        JsonNode body = server.requests("POST", "/fal-ai/kling-video/v3/pro/image-to-video").getFirst().json();
        assertThat(body.path("start_image_url").asText()).isEqualTo("https://v3b.fal.media/files/b/keyframe-1.png");
        assertThat(body.has("image_url")).isFalse();
    }

    @Test
    void storageCanLiveOnItsOwnHostNamedByFalStorageUrl() {
        try (FakeServer storage = new FakeServer(); FakeServer cdn = new FakeServer()) {
            String endpoint = KLING_I2V.model();
            happyPath(endpoint, REQUEST);
            FalFake.uploads(storage, cdn, "keyframe-9.png");
            Map<String, String> env = new HashMap<>(FalFake.env());
            env.put("FAL_STORAGE_URL", storage.baseUrl() + "/");
            VendorContext context = TestContexts.pointingAt(server, "fal", env, recorder);

            generator(KLING_I2V, context).generate(request(), folder);

            assertThat(storage.requests("POST", "/storage/upload/initiate")).hasSize(1);
            assertThat(storage.requests("POST", "/storage/upload/initiate").getFirst().header("Authorization")).isEqualTo("Key " + KEY);
            assertThat(cdn.requests("PUT", "/put/keyframe-9.png")).hasSize(1);
            assertThat(server.requests("POST", "/storage/upload/initiate")).isEmpty();
            assertThat(server.requests("POST", "/" + endpoint).getFirst().json().path("image_url").asText())
                    .isEqualTo("https://v3b.fal.media/files/b/keyframe-9.png");
        }
    }

    @Test
    void aRateLimitedSubmitWaitsRetryAfterAndIsSentAgainWithoutUploadingAgain() {
        String endpoint = KLING_I2V.model();
        happyPath(endpoint, REQUEST);
        server.on("POST", "/" + endpoint,
                Answer.json(429, json("{'detail':'Too many requests'}")).withHeader("Retry-After", "7"),
                queued(server, endpoint, REQUEST));

        generator(KLING_I2V, context()).generate(request(), folder);

        // fal documents 429 as a refusal (requests over the concurrency limit simply queue; fal-js retries 429):
        // the submit is sent again, once, after exactly Retry-After.
        assertThat(server.requests("POST", "/" + endpoint)).hasSize(2);
        assertThat(server.requests("POST", "/storage/upload/initiate")).hasSize(1);
        assertThat(recorder.sleeps.getFirst()).isEqualTo(Duration.ofSeconds(7));
        assertThat(recorder.submitted).hasSize(1);
    }

    @Test
    void aServerErrorOnSubmitIsNotBilledSoTheSubmitIsSentAgain() {
        String endpoint = KLING_I2V.model();
        happyPath(endpoint, REQUEST);
        server.on("POST", "/" + endpoint,
                Answer.json(503, json("{'detail':'No runner available','error_type':'runner_scheduling_failure'}"))
                        .withHeader("X-Fal-Error-Type", "runner_scheduling_failure"),
                queued(server, endpoint, REQUEST));

        generator(KLING_I2V, context()).generate(request(), folder);

        assertThat(server.requests("POST", "/" + endpoint)).hasSize(2);
        assertThat(recorder.submitted).hasSize(1);
    }

    @Test
    void aServerErrorWhilePollingIsRetriedWithoutResubmitting() {
        String endpoint = KLING_I2V.model();
        happyPath(endpoint, REQUEST);
        server.on("GET", requestPath(endpoint, REQUEST) + "/status",
                inProgress(server, endpoint, REQUEST),
                Answer.json(503, json("{'detail':'Runner disconnected','error_type':'runner_disconnected'}"))
                        .withHeader("X-Fal-Error-Type", "runner_disconnected"),
                Answer.json(502, "<html>bad gateway</html>"),
                completed(server, endpoint, REQUEST));

        VideoGenerator.GeneratedClip clip = generator(KLING_I2V, context()).generate(request(), folder);

        assertThat(clip.file()).isEqualTo("clip.mp4");
        assertThat(server.requests("POST", "/" + endpoint)).hasSize(1);
        assertThat(server.requests("GET", requestPath(endpoint, REQUEST) + "/status")).hasSize(4);
    }

    @Test
    void aFailedRequestEndsCompletedWithAnErrorAndIsAJobFailure() {
        String endpoint = KLING_I2V.model();
        happyPath(endpoint, REQUEST);
        server.on("GET", requestPath(endpoint, REQUEST) + "/status",
                inProgress(server, endpoint, REQUEST), completedWithError(server, endpoint, REQUEST, "Internal server error", "runner_server_error"));
        server.on("GET", requestPath(endpoint, REQUEST),
                Answer.json(500, json("{'detail':'Internal server error','error_type':'runner_server_error'}"))
                        .withHeader("X-Fal-Error-Type", "runner_server_error"));

        VendorException error = catchThrowableOfType(VendorException.class, () -> generator(KLING_I2V, context()).generate(request(), folder));

        assertThat(error.kind()).isEqualTo(Kind.JOB_FAILED);
        assertThat(error.getMessage()).contains(REQUEST).contains("runner_server_error");
        assertThat(server.requests("POST", "/" + endpoint)).hasSize(1);
        assertThat(server.requests("GET", requestPath(endpoint, REQUEST))).hasSize(1);
        assertThat(server.requests("GET", "/files/out.mp4")).isEmpty();
        assertThat(folder.resolve("clip.mp4")).doesNotExist();
    }

    @Test
    void aModeratedResultIsAContentPolicyRefusalAndIsNotRetried() {
        String endpoint = KLING_I2V.model();
        happyPath(endpoint, REQUEST);
        server.on("GET", requestPath(endpoint, REQUEST) + "/status",
                completedWithError(server, endpoint, REQUEST, "The content could not be processed", "content_policy_violation"));
        server.on("GET", requestPath(endpoint, REQUEST), Answer.json(422, json(
                "{'detail':[{'loc':['body','image_url'],'msg':'The content could not be processed because it contained material flagged by a content checker.',"
                        + "'type':'content_policy_violation','url':'https://docs.fal.ai/errors#content_policy_violation'}]}"))
                .withHeader("X-Fal-Retryable", "false"));

        VendorException error = catchThrowableOfType(VendorException.class, () -> generator(KLING_I2V, context()).generate(request(), folder));

        assertThat(error.kind()).isEqualTo(Kind.CONTENT_POLICY);
        assertThat(error.retriable()).isFalse();
        assertThat(server.requests("POST", "/" + endpoint)).hasSize(1);
        assertThat(server.requests("GET", requestPath(endpoint, REQUEST) + "/status")).hasSize(1);
    }

    @Test
    void aContentPolicyRefusalAtSubmitIsNeverRetried() {
        String endpoint = KLING_I2V.model();
        happyPath(endpoint, REQUEST);
        server.on("POST", "/" + endpoint, Answer.json(422, json(
                "{'detail':[{'loc':['body','prompt'],'msg':'The prompt was flagged by a content checker.','type':'content_policy_violation',"
                        + "'url':'https://docs.fal.ai/errors#content_policy_violation','ctx':{'categories':['sexual']}}]}")));

        VendorException error = catchThrowableOfType(VendorException.class, () -> generator(KLING_I2V, context()).generate(request(), folder));

        assertThat(error.kind()).isEqualTo(Kind.CONTENT_POLICY);
        assertThat(error.parameter()).contains("prompt");
        assertThat(server.requests("POST", "/" + endpoint)).hasSize(1);
        assertThat(recorder.submitted).isEmpty();
        assertThat(recorder.sleeps).isEmpty();
    }

    @Test
    void aValidationErrorNamesTheParameter() {
        String endpoint = KLING_I2V.model();
        happyPath(endpoint, REQUEST);
        server.on("POST", "/" + endpoint, Answer.json(422, json(
                "{'detail':[{'loc':['body','image_url'],'msg':'Image dimensions are too small. Minimum is 300x300.','type':'image_too_small',"
                        + "'url':'https://docs.fal.ai/errors#image_too_small','ctx':{'min_width':300}}]}")));

        VendorException error = catchThrowableOfType(VendorException.class, () -> generator(KLING_I2V, context()).generate(request(), folder));

        assertThat(error.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(error.parameter()).contains("image_url");
        assertThat(error.getMessage()).contains("Image dimensions are too small").contains("image_url");
        assertThat(server.requests("POST", "/" + endpoint)).hasSize(1);
    }

    @Test
    void aJobThatNeverFinishesTimesOutAndIsCancelled() {
        String endpoint = KLING_I2V.model();
        happyPath(endpoint, REQUEST);
        server.on("GET", requestPath(endpoint, REQUEST) + "/status", inProgress(server, endpoint, REQUEST));
        server.on("PUT", requestPath(endpoint, REQUEST) + "/cancel", Answer.json(202, json("{'status':'CANCELLATION_REQUESTED'}")));
        FakeTime time = new FakeTime();

        VendorException error = catchThrowableOfType(VendorException.class,
                () -> generator(KLING_I2V, FalFake.timed(server, time, 60, recorder)).generate(request(), folder));

        assertThat(error.kind()).isEqualTo(Kind.TIMED_OUT);
        List<Recorded> cancels = server.requests("PUT", requestPath(endpoint, REQUEST) + "/cancel");
        assertThat(cancels).hasSize(1);
        assertThat(cancels.getFirst().header("Authorization")).isEqualTo("Key " + KEY);
        assertThat(time.sleeps.stream().reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(server.requests("GET", requestPath(endpoint, REQUEST))).isEmpty();
        assertThat(server.requests("POST", "/" + endpoint)).hasSize(1);
    }

    @Test
    void aDownloadThatIsNotAVideoIsBadOutput() {
        String endpoint = KLING_I2V.model();
        happyPath(endpoint, REQUEST);
        server.on("GET", "/files/out.mp4", Answer.bytes(200, "text/html", "<html>Access denied</html>".getBytes()));

        VendorException error = catchThrowableOfType(VendorException.class, () -> generator(KLING_I2V, context()).generate(request(), folder));

        assertThat(error.kind()).isEqualTo(Kind.BAD_OUTPUT);
        assertThat(folder.resolve("clip.mp4")).doesNotExist();
    }

    @Test
    void aResultWithoutAVideoIsBadOutput() {
        String endpoint = KLING_I2V.model();
        happyPath(endpoint, REQUEST);
        server.on("GET", requestPath(endpoint, REQUEST), Answer.json(200, json("{'video':null}")));

        VendorException error = catchThrowableOfType(VendorException.class, () -> generator(KLING_I2V, context()).generate(request(), folder));

        assertThat(error.kind()).isEqualTo(Kind.BAD_OUTPUT);
        assertThat(error.getMessage()).contains("video.url");
    }

    @Test
    void aRefusedKeyNamesTheVariableAndNeverShowsTheKey() {
        server.on("POST", "/storage/upload/initiate", Answer.json(401, json("{'detail':'Invalid key: " + KEY + "'}")));

        VendorException error = catchThrowableOfType(VendorException.class, () -> generator(KLING_I2V, context()).generate(request(), folder));

        assertThat(error.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(error.getMessage()).contains("FAL_KEY").doesNotContain(KEY).doesNotContain("fal-key-secret-0002");
        assertThat(server.requests("POST", "/" + KLING_I2V.model())).isEmpty();
    }

    @Test
    void aRefusedKeyFromKeyEnvNamesThatVariable() {
        server.on("POST", "/" + KLING_T2V.model(), Answer.json(401, json("{'detail':'No user found for Key ID and Secret'}")));
        VendorContext context = new VendorContext(Map.of("STUDIO_FAL", KEY), Map.of("fal", new ProviderSettings(server.baseUrl().toString(), "STUDIO_FAL", null)),
                VendorHttp.defaultClient(), Clock.systemUTC(), recorder, RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, recorder);

        VendorException error = catchThrowableOfType(VendorException.class, () -> generator(KLING_T2V, context).generate(request(), folder));

        assertThat(error.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(error.getMessage()).contains("STUDIO_FAL").doesNotContain(KEY);
        assertThat(server.requests("POST", "/" + KLING_T2V.model()).getFirst().header("Authorization")).isEqualTo("Key " + KEY);
    }

    @Test
    void anUnknownEndpointIsAnUnavailableModel() {
        server.on("POST", "/" + KLING_T2V.model(), Answer.json(404, json("{'detail':'Application not found'}")));

        VendorException error = catchThrowableOfType(VendorException.class, () -> generator(KLING_T2V, context()).generate(request(), folder));

        assertThat(error.kind()).isEqualTo(Kind.MODEL_UNAVAILABLE);
        assertThat(error.getMessage()).contains(KLING_T2V.model());
    }

    @Test
    void statusUrlsOnAnotherHostAreNotTrustedWithTheKey() {
        String endpoint = KLING_T2V.model();
        happyPath(endpoint, REQUEST);
        String elsewhere = "https://attacker.example/fal-ai/kling-video/requests/" + REQUEST;
        server.on("POST", "/" + endpoint, Answer.json(200, json("{'status':'IN_QUEUE','request_id':'" + REQUEST + "','response_url':'" + elsewhere
                + "','status_url':'" + elsewhere + "/status','cancel_url':'" + elsewhere + "/cancel'}")));

        generator(KLING_T2V, context()).generate(request(), folder);

        assertThat(server.requests("GET", requestPath(endpoint, REQUEST) + "/status")).hasSize(3);
        assertThat(recorder.submitted.getFirst().handle("status_url")).startsWith(server.baseUrl().toString());
    }
}
