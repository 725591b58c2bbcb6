package dev.reelwright.providers.runway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.ProviderSettings;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.remote.JobId;
import dev.reelwright.core.remote.JobRunner;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.PollPolicy;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.remote.CameraWords;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import dev.reelwright.providers.testing.FakeTime;
import dev.reelwright.providers.testing.TestContexts;
import dev.reelwright.providers.testing.TruncatingServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runway's protocol (PROVIDERS.md §4, vendor-specs/runway.yaml) spoken by a fake server, driven through the SPI. */
class RunwayContractTest {
    private static final String KEY = RunwayFake.KEY;
    private static final ModelEntry GEN45 = ModelCatalog.bundled().find("runway/gen4.5").orElseThrow();
    private static final String TASK = RunwayFake.TASK;

    @TempDir
    Path tmp;
    private final FakeServer server = new FakeServer();
    private final TestContexts.Recorder recorder = new TestContexts.Recorder();
    private Path keyframe;

    @BeforeEach
    void keyframe() throws IOException {
        keyframe = TestContexts.writePng(tmp.resolve("keyframe.png"), 64, 36, (x, y) -> (x * 4) << 16 | (y * 7) << 8 | 90);
        Files.createDirectories(tmp.resolve("out"));
    }

    @AfterEach
    void close() {
        server.close();
    }

    private VendorContext context() {
        return TestContexts.pointingAt(server, "runway", Map.of("RUNWAYML_API_SECRET", KEY), recorder);
    }

    private VideoGenerator generator(VendorContext context) {
        return new RunwayModule().videos(GEN45, context).orElseThrow();
    }

    private ClipRequest request(CameraMove camera, int width, int height) {
        return new ClipRequest(keyframe, "A lighthouse on a cliff at dusk, waves below", camera, 120, new VideoFormat(width, height, 24), 42);
    }

    private static Answer task(String status, String extra) {
        return RunwayFake.task(status, extra);
    }

    private Answer succeeded() {
        return RunwayFake.succeeded(server.baseUrl() + "/files/clip.mp4");
    }

    private void created() {
        server.on("POST", "/v1/image_to_video", RunwayFake.created());
    }

    @Test
    void generatesAClipEndToEndAndSendsTheDocumentedRequest() throws IOException {
        created();
        server.on("GET", "/v1/tasks/" + TASK, task("PENDING", ""), task("THROTTLED", ""), task("RUNNING", ",\"progress\":0.4"), succeeded());
        byte[] video = TestContexts.fakeMp4(4096);
        server.on("GET", "/files/clip.mp4", Answer.bytes(200, "video/mp4", video));

        VideoGenerator.GeneratedClip clip = generator(context()).generate(request(CameraMove.DOLLY_IN, 1280, 720), tmp.resolve("out"));

        assertThat(clip.file()).isEqualTo("clip.mp4");
        assertThat(clip.frames()).isEqualTo(120);
        assertThat(Files.readAllBytes(tmp.resolve("out").resolve(clip.file()))).isEqualTo(video);
        assertThat(clip.charge().vendor()).isEqualTo("runway");
        assertThat(clip.charge().model()).isEqualTo("gen4.5");
        assertThat(clip.charge().usd()).isEqualTo(GEN45.price("per_second") * 5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(clip.charge().estimated()).isTrue();
        assertThat(recorder.submitted).containsExactly(new JobId("runway", TASK));

        FakeServer.Recorded submit = server.requests("POST", "/v1/image_to_video").getFirst();
        assertThat(submit.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(submit.header("X-Runway-Version")).isEqualTo("2024-11-06");
        assertThat(submit.header("Content-Type")).startsWith("application/json");
        JsonNode body = submit.json();
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("model", "promptImage", "promptText", "ratio", "duration", "seed");
        assertThat(body.path("model").asText()).isEqualTo(GEN45.model());
        assertThat(body.path("ratio").asText()).isEqualTo("1280:720");
        assertThat(body.path("duration").isInt()).isTrue();
        assertThat(body.path("duration").asInt()).isEqualTo(5);
        assertThat(body.path("seed").asLong()).isEqualTo(42);
        assertThat(body.path("promptText").asText())
                .isEqualTo("A lighthouse on a cliff at dusk, waves below. The camera slowly dollies in toward the subject.");
        String image = body.path("promptImage").asText();
        assertThat(image).startsWith("data:image/png;base64,");
        assertThat(Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1))).isEqualTo(Files.readAllBytes(keyframe));

        List<FakeServer.Recorded> polls = server.requests("GET", "/v1/tasks/" + TASK);
        assertThat(polls).hasSize(4);
        assertThat(polls).allSatisfy(poll -> {
            assertThat(poll.header("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(poll.header("X-Runway-Version")).isEqualTo("2024-11-06");
        });
        assertThat(server.requests("POST", "/v1/image_to_video")).hasSize(1);
    }

    @Test
    void picksTheClosestRatioRunwayAllowsForTheFrame() {
        assertThat(RunwayRatios.pick(GEN45, true, 1280, 720)).isEqualTo("1280:720");
        assertThat(RunwayRatios.pick(GEN45, true, 720, 1280)).isEqualTo("720:1280");
        assertThat(RunwayRatios.pick(GEN45, true, 1080, 1080)).isEqualTo("960:960");
        assertThat(RunwayRatios.pick(GEN45, true, 1024, 768)).isEqualTo("1104:832");
        assertThat(RunwayRatios.pick(GEN45, true, 2520, 1080)).isEqualTo("1584:672");
        assertThat(RunwayRatios.pick(GEN45, false, 1080, 1080)).isIn("1280:720", "720:1280"); // text-to-video has two only
        ModelEntry veoLike = new ModelEntry("runway/veo-like", "runway", "veo3.1", "video", List.of(), List.of(4, 6, 8), List.of(),
                List.of("1280:720", "720:1280", "1080:1920", "1920:1080"), null, null, null, null, Map.of(), null, null, null, null, null, null);
        assertThat(RunwayRatios.pick(veoLike, true, 1080, 1080)).isEqualTo("1280:720");
        assertThat(RunwayRatios.pick(veoLike, true, 1080, 1920)).isEqualTo("720:1280");
    }

    @Test
    void writesEveryCameraMoveIntoThePromptWithinRunwaysLimit() {
        for (CameraMove move : CameraMove.values()) {
            assertThat(RunwayPrompts.promptText("A field.", move)).startsWith("A field. ").endsWith(CameraWords.sentence(move));
        }
        String text = RunwayPrompts.promptText("word ".repeat(400), CameraMove.ORBIT);
        assertThat(text.length()).isLessThanOrEqualTo(1000);
        assertThat(text).endsWith("The camera orbits slowly around the subject.");
        assertThat(RunwayPrompts.promptText(null, CameraMove.STATIC)).isEqualTo(CameraWords.sentence(CameraMove.STATIC));
        assertThat(RunwayVideoJobs.seed(-1)).isEqualTo(4_294_967_295L);
        assertThat(RunwayVideoJobs.seed(4_294_967_296L + 7)).isEqualTo(7);
    }

    @Test
    void aKeyframeTooLargeForADataUriIsSentAsASmallerJpeg() throws IOException {
        Path noisy = tmp.resolve("noisy.png");
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        Random random = new Random(1);
        for (int y = 0; y < 300; y++) for (int x = 0; x < 400; x++) image.setRGB(x, y, random.nextInt());
        ImageIO.write(image, "png", noisy.toFile());
        int limit = 120_000;
        assertThat(Files.size(noisy) * 4 / 3).isGreaterThan(limit);

        String uri = RunwayImages.dataUri(noisy, limit);

        assertThat(uri).startsWith("data:image/jpeg;base64,");
        assertThat(uri.length()).isLessThan(limit);
        byte[] jpeg = Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1));
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(jpeg))).isNotNull();
        assertThat(RunwayImages.dataUri(keyframe)).startsWith("data:image/png;base64,");
    }

    @Test
    void aRateLimitIsWaitedOutForRetryAfterAndTheSubmitSentAgainBecauseRunwayCreatedNothing() {
        // docs.dev.runwayml.com/api-details/errors: 429 "May retry? Yes" — a refusal before a task exists.
        server.on("POST", "/v1/image_to_video",
                Answer.json(429, "{\"error\":\"Too many requests\"}").withHeader("Retry-After", "7"),
                Answer.json(200, "{\"id\":\"" + TASK + "\"}"));
        server.on("GET", "/v1/tasks/" + TASK, succeeded());
        server.on("GET", "/files/clip.mp4", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(64)));

        generator(context()).generate(request(CameraMove.STATIC, 1280, 720), tmp.resolve("out"));

        assertThat(recorder.sleeps.getFirst()).isEqualTo(Duration.ofSeconds(7));
        assertThat(server.requests("POST", "/v1/image_to_video")).hasSize(2);
        assertThat(recorder.submitted).hasSize(1);
    }

    @Test
    void loadSheddingIsResubmittedButAnUndocumented500IsNot() {
        server.on("POST", "/v1/image_to_video", Answer.json(503, "{\"error\":\"shedding\"}"), Answer.json(200, "{\"id\":\"" + TASK + "\"}"));
        server.on("GET", "/v1/tasks/" + TASK, succeeded());
        server.on("GET", "/files/clip.mp4", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(64)));
        generator(context()).generate(request(CameraMove.STATIC, 1280, 720), tmp.resolve("out"));
        assertThat(server.requests("POST", "/v1/image_to_video")).hasSize(2);

        try (FakeServer other = new FakeServer()) {
            other.on("POST", "/v1/image_to_video", Answer.json(500, "{\"error\":\"boom\"}"), Answer.json(200, "{\"id\":\"" + TASK + "\"}"));
            VendorContext context = TestContexts.pointingAt(other, "runway", Map.of("RUNWAYML_API_SECRET", KEY), recorder);
            assertThatThrownBy(() -> generator(context).generate(request(CameraMove.STATIC, 1280, 720), tmp.resolve("out")))
                    .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.OUTAGE));
            assertThat(other.requests("POST", "/v1/image_to_video")).hasSize(1);
        }
    }

    @Test
    void aFailingPollIsRetriedWithoutSubmittingAgain() {
        created();
        server.on("GET", "/v1/tasks/" + TASK, Answer.json(502, "{\"error\":\"bad gateway\"}"), task("RUNNING", ",\"progress\":0.9"), succeeded());
        server.on("GET", "/files/clip.mp4", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(64)));

        generator(context()).generate(request(CameraMove.PAN_LEFT, 1280, 720), tmp.resolve("out"));

        assertThat(server.requests("GET", "/v1/tasks/" + TASK)).hasSize(3);
        assertThat(server.requests("POST", "/v1/image_to_video")).hasSize(1);
    }

    @Test
    void aFailedTaskIsAFailedJob() {
        created();
        server.on("GET", "/v1/tasks/" + TASK, task("FAILED", ",\"failure\":\"mock failure\",\"failureCode\":\"INTERNAL.BAD_OUTPUT.CODE01\""));

        assertThatThrownBy(() -> generator(context()).generate(request(CameraMove.STATIC, 1280, 720), tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.JOB_FAILED);
                    assertThat(e.getMessage()).contains("INTERNAL.BAD_OUTPUT.CODE01").contains("mock failure");
                });
        assertThat(server.requests("POST", "/v1/image_to_video")).hasSize(1);
    }

    @Test
    void aSafetyRefusalIsContentPolicyAndNeverSentAgain() {
        for (String code : List.of("SAFETY.INPUT.TEXT", "SAFETY.OUTPUT.IMAGE", "INPUT_PREPROCESSING.SAFETY.TEXT")) {
            try (FakeServer fake = new FakeServer()) {
                fake.on("POST", "/v1/image_to_video", Answer.json(200, "{\"id\":\"" + TASK + "\"}"));
                fake.on("GET", "/v1/tasks/" + TASK, task("FAILED", ",\"failure\":\"refused\",\"failureCode\":\"" + code + "\""));
                VendorContext context = TestContexts.pointingAt(fake, "runway", Map.of("RUNWAYML_API_SECRET", KEY), recorder);
                assertThatThrownBy(() -> generator(context).generate(request(CameraMove.STATIC, 1280, 720), tmp.resolve("out")))
                        .isInstanceOfSatisfying(VendorException.class, e -> {
                            assertThat(e.kind()).isEqualTo(Kind.CONTENT_POLICY);
                            assertThat(e.retriable()).isFalse();
                        });
                assertThat(fake.requests("POST", "/v1/image_to_video")).hasSize(1);
            }
        }
        assertThat(RunwayErrors.taskFailure("t", "INPUT_PREPROCESSING.INTERNAL", "moderation down").kind()).isEqualTo(Kind.OUTAGE);
        assertThat(RunwayErrors.taskFailure("t", null, "?").kind()).isEqualTo(Kind.JOB_FAILED);
    }

    @Test
    void aTaskThatNeverFinishesTimesOutAndIsCancelled() {
        created();
        server.on("GET", "/v1/tasks/" + TASK, task("RUNNING", ",\"progress\":0.1"));
        server.on("DELETE", "/v1/tasks/" + TASK, new Answer(204, Map.of(), new byte[0]));
        FakeTime time = new FakeTime();
        VendorContext context = new VendorContext(Map.of("RUNWAYML_API_SECRET", KEY),
                Map.of("runway", new ProviderSettings(server.baseUrl().toString(), null, 60)), VendorHttp.defaultClient(),
                time, time, RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, recorder);

        assertThatThrownBy(() -> generator(context).generate(request(CameraMove.STATIC, 1280, 720), tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMED_OUT));
        FakeServer.Recorded cancel = server.requests("DELETE", "/v1/tasks/" + TASK).getFirst();
        assertThat(cancel.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(cancel.header("X-Runway-Version")).isEqualTo("2024-11-06");
        assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aTruncatedDownloadIsBadOutput() throws IOException {
        try (TruncatingServer cdn = new TruncatingServer(TestContexts.fakeMp4(4096), 100_000)) {
            created();
            server.on("GET", "/v1/tasks/" + TASK, task("SUCCEEDED", ",\"output\":[\"" + cdn.url("/clip.mp4") + "\"]"));
            assertThatThrownBy(() -> generator(context()).generate(request(CameraMove.STATIC, 1280, 720), tmp.resolve("out")))
                    .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT));
            assertThat(tmp.resolve("out").resolve("clip.mp4")).doesNotExist();
        }
    }

    @Test
    void anErrorPageInsteadOfAVideoIsBadOutput() {
        created();
        server.on("GET", "/v1/tasks/" + TASK, succeeded());
        server.on("GET", "/files/clip.mp4", Answer.bytes(200, "text/html", "<html>AccessDenied</html>".getBytes()));
        assertThatThrownBy(() -> generator(context()).generate(request(CameraMove.STATIC, 1280, 720), tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT));
    }

    @Test
    void aRefusedKeyNamesTheVariableAndNeverTheKey() {
        server.on("POST", "/v1/image_to_video", Answer.json(401, "{\"error\":\"Invalid API key " + KEY + "\"}"));
        assertThatThrownBy(() -> generator(context()).generate(request(CameraMove.STATIC, 1280, 720), tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("RUNWAYML_API_SECRET").doesNotContain(KEY);
                });
        assertThat(server.requests("POST", "/v1/image_to_video")).hasSize(1);

        server.on("GET", "/v1/organization", Answer.json(401, "{\"error\":\"Invalid API key\"}"));
        VendorContext renamed = new VendorContext(Map.of("MY_RUNWAY", KEY),
                Map.of("runway", new ProviderSettings(server.baseUrl().toString(), "MY_RUNWAY", null)), VendorHttp.defaultClient(),
                Clock.systemUTC(), recorder, RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, recorder);
        assertThatThrownBy(() -> new RunwayModule().check(renamed))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.getMessage()).contains("MY_RUNWAY").doesNotContain(KEY));
    }

    @Test
    void aBadInputNamesTheFieldRunwayComplainedAbout() {
        server.on("POST", "/v1/image_to_video", Answer.json(400, "{\"error\":\"promptImage: Invalid data URI.\"}"));
        assertThatThrownBy(() -> generator(context()).generate(request(CameraMove.STATIC, 1280, 720), tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.parameter()).contains("promptImage");
                    assertThat(e.getMessage()).contains("Invalid data URI");
                });
        assertThat(server.requests("POST", "/v1/image_to_video")).hasSize(1);

        try (FakeServer other = new FakeServer()) {
            other.on("POST", "/v1/image_to_video", Answer.json(400, "{\"error\":\"Validation failed\",\"issues\":[{\"path\":[\"ratio\"],\"message\":\"Invalid enum value\"}]}"));
            VendorContext context = TestContexts.pointingAt(other, "runway", Map.of("RUNWAYML_API_SECRET", KEY), recorder);
            assertThatThrownBy(() -> generator(context).generate(request(CameraMove.STATIC, 1280, 720), tmp.resolve("out")))
                    .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.parameter()).contains("ratio"));
        }
        try (FakeServer other = new FakeServer()) {
            other.on("POST", "/v1/image_to_video", Answer.json(400, "{\"error\":\"The model gen3a_turbo is not available.\"}"));
            VendorContext context = TestContexts.pointingAt(other, "runway", Map.of("RUNWAYML_API_SECRET", KEY), recorder);
            assertThatThrownBy(() -> generator(context).generate(request(CameraMove.STATIC, 1280, 720), tmp.resolve("out")))
                    .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MODEL_UNAVAILABLE));
        }
    }

    @Test
    void textToVideoSendsTheDocumentedBody() {
        server.on("POST", "/v1/text_to_video", Answer.json(200, "{\"id\":\"" + TASK + "\"}"));
        server.on("GET", "/v1/tasks/" + TASK, succeeded());
        VendorContext context = context();
        var job = new RunwayModule().textToVideo(GEN45, context, "Rain on a window", CameraMove.CRANE_UP, 720, 1280, 6, 9);

        JobStatus.Succeeded done = new JobRunner(PollPolicy.VIDEO, Clock.systemUTC(), recorder, RandomGenerator.of("L64X128MixRandom"))
                .run(job, recorder);

        assertThat(done.outputs()).containsExactly(URI.create(server.baseUrl() + "/files/clip.mp4"));
        JsonNode body = server.requests("POST", "/v1/text_to_video").getFirst().json();
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("model", "promptText", "ratio", "duration", "seed");
        assertThat(body.path("ratio").asText()).isEqualTo("720:1280");
        assertThat(body.path("duration").asInt()).isEqualTo(6);
        assertThat(body.path("promptText").asText()).isEqualTo("Rain on a window. The camera cranes up smoothly.");
    }

    @Test
    void checkReadsTheOrganisationAtAnyBaseUrl() {
        server.on("GET", "/v1/organization", Answer.json(200, "{\"creditBalance\":1234,\"tier\":{\"maxMonthlyCreditSpend\":5000,\"models\":{}},\"usage\":{}}"));
        String answer = new RunwayModule().check(context());
        assertThat(answer).contains("1234 credits").contains(server.baseUrl().toString());
        FakeServer.Recorded request = server.requests("GET", "/v1/organization").getFirst();
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("X-Runway-Version")).isEqualTo("2024-11-06");
        assertThat(new RunwayModule().configured(context())).isTrue();
        assertThat(new RunwayModule().configured(TestContexts.pointingAt(server, "runway", Map.of(), recorder))).isFalse();
        assertThat(new RunwayModule().baseUrl(TestContexts.pointingAt(server, "runway", Map.of(), recorder))).isEqualTo(server.baseUrl());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
