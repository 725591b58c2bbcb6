package dev.reelwright.providers.openai;

import static dev.reelwright.providers.openai.OpenAiFixture.error;
import static dev.reelwright.providers.openai.OpenAiFixture.json;
import static dev.reelwright.providers.openai.OpenAiFixture.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import dev.reelwright.providers.testing.TestContexts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sora Videos API contract, against a fake speaking the documented protocol (the real one was shut down 2026-09-24). */
class OpenAiVideoContractTest {
    private static final VideoFormat LANDSCAPE = new VideoFormat(1920, 1080, 30);
    private static final String PROMPT = "a red fox at dawn in a frosty meadow";

    @TempDir
    Path dir;
    private OpenAiFixture fake;
    private Path keyframe;

    @BeforeEach
    void setUp() throws Exception {
        fake = new OpenAiFixture();
        keyframe = dir.resolve("keyframe.img");
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", keyframe.toFile());
        Files.createDirectories(dir.resolve("out"));
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private static final String ID = OpenAiFixture.VIDEO_ID;
    private static final String STATUS = "/v1/videos/" + ID;

    private VideoGenerator generator(ModelEntry model) {
        return new OpenAiModule().videos(model, fake.context()).orElseThrow();
    }

    private ClipRequest request(VideoFormat format) {
        return new ClipRequest(keyframe, PROMPT, CameraMove.DOLLY_IN, 8 * format.fps(), format, 7);
    }

    @Test
    void submitsTheKeyframeAsMultipartJournalsPollsAndDownloadsWithTheKey() throws Exception {
        List<Instant> polledAt = new ArrayList<>();
        int[] polls = {0};
        fake.server.on("POST", "/v1/videos", json(200, OpenAiFixture.video("queued", 0, null)).withHeader("openai-poll-after-ms", "5000"))
                .on("GET", STATUS, request -> {
                    polledAt.add(fake.time.instant());
                    return polls[0]++ == 0 ? json(200, OpenAiFixture.video("in_progress", 42, null)) : json(200, OpenAiFixture.video("completed", 100, null));
                })
                .on("GET", STATUS + "/content", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(4096)));
        Instant start = fake.time.instant();

        VideoGenerator.GeneratedClip clip = generator(OpenAiFixture.entry("openai/sora-2")).generate(request(LANDSCAPE), dir.resolve("out"));

        assertThat(clip.file()).isEqualTo("clip.mp4");
        assertThat(clip.frames()).isEqualTo(240);
        assertThat(Files.size(dir.resolve("out/clip.mp4"))).isEqualTo(4096);
        assertThat(clip.charge().usd()).isCloseTo(0.80, offset(1e-9)); // $0.10/s x 8 s, catalog estimate
        assertThat(clip.charge().estimated()).isTrue();
        assertThat(fake.time.submitted).extracting(id -> id.id()).containsExactly(ID);

        FakeServer.Recorded create = fake.server.requests("POST", "/v1/videos").getFirst();
        assertThat(create.header("authorization")).isEqualTo("Bearer " + OpenAiFixture.KEY);
        assertThat(create.header("content-type")).startsWith("multipart/form-data; boundary=");
        var parts = OpenAiFixture.parts(create);
        assertThat(parts).extracting(OpenAiFixture.Part::name).containsExactly("model", "prompt", "seconds", "size", "input_reference");
        assertThat(part(parts, "model").text()).isEqualTo("sora-2");
        assertThat(part(parts, "prompt").text()).isEqualTo(PROMPT);
        assertThat(part(parts, "seconds").text()).isEqualTo("8");
        assertThat(part(parts, "size").text()).isEqualTo("1280x720");
        OpenAiFixture.Part image = part(parts, "input_reference");
        assertThat(image.filename()).isEqualTo("keyframe.png");
        assertThat(image.contentType()).isEqualTo("image/png");
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(image.bytes()));
        assertThat(sent.getWidth()).isEqualTo(1280); // fitted to the requested size
        assertThat(sent.getHeight()).isEqualTo(720);

        assertThat(fake.server.requests("GET", STATUS)).hasSize(2).allSatisfy(poll ->
                assertThat(poll.header("authorization")).isEqualTo("Bearer " + OpenAiFixture.KEY));
        assertThat(Duration.between(start, polledAt.getFirst())).isGreaterThanOrEqualTo(Duration.ofMillis(5000)); // openai-poll-after-ms
        FakeServer.Recorded download = fake.server.requests("GET", STATUS + "/content").getFirst();
        assertThat(download.header("authorization")).isEqualTo("Bearer " + OpenAiFixture.KEY);
    }

    @Test
    void aTextOnlyModelSendsJsonAndPortraitBecomes720x1280() throws Exception {
        ModelEntry sora = OpenAiFixture.entry("openai/sora-2");
        ModelEntry textOnly = new ModelEntry("openai/sora-2-text", "openai", "sora-2", "video", List.of("text-to-video"), List.of(4, 8, 12),
                List.of("720p"), List.of("16:9", "9:16"), null, null, null, null, sora.price(), null, null, null, "active", null, null);
        fake.server.on("POST", "/v1/videos", json(200, OpenAiFixture.video("queued", 0, null)))
                .on("GET", STATUS, json(200, OpenAiFixture.video("completed", 100, null)))
                .on("GET", STATUS + "/content", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(512)));

        generator(textOnly).generate(new ClipRequest(keyframe, PROMPT, CameraMove.STATIC, 90, new VideoFormat(1080, 1920, 30), 1), dir.resolve("out"));

        FakeServer.Recorded create = fake.server.requests("POST", "/v1/videos").getFirst();
        assertThat(create.header("content-type")).startsWith("application/json");
        assertThat(create.json().properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("model", "prompt", "seconds", "size");
        assertThat(create.json().path("model").asText()).isEqualTo("sora-2");
        assertThat(create.json().path("seconds").isTextual()).isTrue();
        assertThat(create.json().path("seconds").asText()).isEqualTo("4"); // 3 s asked, shortest catalog length covering it
        assertThat(create.json().path("size").asText()).isEqualTo("720x1280");
    }

    @Test
    void sora2ProAt1080pAsksForTheLargeSize() {
        assertThat(OpenAiVideoJobs.size(OpenAiFixture.entry("openai/sora-2-pro"), LANDSCAPE)).isEqualTo("1792x1024");
        assertThat(OpenAiVideoJobs.size(OpenAiFixture.entry("openai/sora-2-pro"), new VideoFormat(1080, 1920, 30))).isEqualTo("1024x1792");
        assertThat(OpenAiVideoJobs.size(OpenAiFixture.entry("openai/sora-2"), LANDSCAPE)).isEqualTo("1280x720");
    }

    @Test
    void aSquareVideoIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> generator(OpenAiFixture.entry("openai/sora-2")).generate(request(new VideoFormat(1080, 1080, 30)), dir.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST));
        assertThat(fake.server.requests()).isEmpty();
    }

    @Test
    void aRateLimitedSubmitWaitsRetryAfterAndIsSentAgainBecauseNothingWasCreated() {
        fake.server.on("POST", "/v1/videos",
                        error(429, "Rate limit reached for requests", "requests", null, "rate_limit_exceeded").withHeader("Retry-After", "7"),
                        json(200, OpenAiFixture.video("queued", 0, null)))
                .on("GET", STATUS, json(200, OpenAiFixture.video("completed", 100, null)))
                .on("GET", STATUS + "/content", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(512)));

        generator(OpenAiFixture.entry("openai/sora-2")).generate(request(LANDSCAPE), dir.resolve("out"));

        assertThat(fake.time.sleeps.getFirst()).isEqualTo(Duration.ofSeconds(7));
        assertThat(fake.server.requests("POST", "/v1/videos")).hasSize(2);
        assertThat(fake.time.submitted).hasSize(1);
    }

    @Test
    void anExhaustedQuotaIsNotRetried() {
        fake.server.on("POST", "/v1/videos", error(429, "You exceeded your current quota, please check your plan and billing details.",
                "insufficient_quota", null, "insufficient_quota"));

        assertThatThrownBy(() -> generator(OpenAiFixture.entry("openai/sora-2")).generate(request(LANDSCAPE), dir.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXHAUSTED));
        assertThat(fake.server.requests("POST", "/v1/videos")).hasSize(1);
    }

    @Test
    void aServerErrorWhilePollingIsRetriedWithoutResubmitting() {
        fake.server.on("POST", "/v1/videos", json(200, OpenAiFixture.video("queued", 0, null)))
                .on("GET", STATUS, error(503, "The server is overloaded or not ready yet.", "server_error", null, null),
                        json(200, OpenAiFixture.video("completed", 100, null)))
                .on("GET", STATUS + "/content", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(512)));

        generator(OpenAiFixture.entry("openai/sora-2")).generate(request(LANDSCAPE), dir.resolve("out"));

        assertThat(fake.server.requests("GET", STATUS)).hasSize(2);
        assertThat(fake.server.requests("POST", "/v1/videos")).hasSize(1);
    }

    @Test
    void aFailedJobIsJobFailedAndAModerationFailureIsContentPolicy() {
        fake.server.on("POST", "/v1/videos", json(200, OpenAiFixture.video("queued", 0, null)))
                .on("GET", STATUS, json(200, OpenAiFixture.video("failed", 0, "{\"code\":\"internal_error\",\"message\":\"Video generation failed\"}")));
        assertThatThrownBy(() -> generator(OpenAiFixture.entry("openai/sora-2")).generate(request(LANDSCAPE), dir.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.JOB_FAILED);
                    assertThat(e.getMessage()).contains("Video generation failed").contains(ID);
                });

        fake.server.on("GET", STATUS, json(200, OpenAiFixture.video("failed", 0, "{\"code\":\"moderation_blocked\",\"message\":\"blocked by our moderation system\"}")));
        assertThatThrownBy(() -> generator(OpenAiFixture.entry("openai/sora-2")).generate(request(LANDSCAPE), dir.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONTENT_POLICY));
    }

    @Test
    void aContentPolicyRefusalAtSubmitIsNeverRetried() {
        fake.server.on("POST", "/v1/videos", error(400, "Your request was blocked by our moderation system.", "invalid_request_error", null,
                "moderation_blocked"));

        assertThatThrownBy(() -> generator(OpenAiFixture.entry("openai/sora-2")).generate(request(LANDSCAPE), dir.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONTENT_POLICY);
                    assertThat(e.retriable()).isFalse();
                });
        assertThat(fake.server.requests("POST", "/v1/videos")).hasSize(1);
        assertThat(fake.time.sleeps).isEmpty();
    }

    @Test
    void aJobThatNeverFinishesTimesOutAndIsNotDeletedForLackOfACancel() {
        fake.server.on("POST", "/v1/videos", json(200, OpenAiFixture.video("queued", 0, null)))
                .on("GET", STATUS, json(200, OpenAiFixture.video("in_progress", 10, null)));
        VideoGenerator generator = new OpenAiModule().videos(OpenAiFixture.entry("openai/sora-2"), fake.context(10, Map.of())).orElseThrow();

        assertThatThrownBy(() -> generator.generate(request(LANDSCAPE), dir.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMED_OUT));
        assertThat(fake.server.requests("GET", STATUS)).hasSizeGreaterThan(1);
        assertThat(fake.server.requests().stream().filter(r -> r.method().equals("DELETE"))).isEmpty();
        assertThat(Files.exists(dir.resolve("out/clip.mp4"))).isFalse();
    }

    @Test
    void aDownloadThatIsNotAVideoIsBadOutput() {
        fake.server.on("POST", "/v1/videos", json(200, OpenAiFixture.video("queued", 0, null)))
                .on("GET", STATUS, json(200, OpenAiFixture.video("completed", 100, null)))
                .on("GET", STATUS + "/content", Answer.bytes(200, "text/html", "<html>gateway error</html>".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> generator(OpenAiFixture.entry("openai/sora-2")).generate(request(LANDSCAPE), dir.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT));
        assertThat(Files.exists(dir.resolve("out/clip.mp4"))).isFalse();
    }

    @Test
    void aBadKeyNamesTheVariableAndNeverTheKey() {
        fake.server.on("POST", "/v1/videos", error(401, "Incorrect API key provided: " + OpenAiFixture.KEY
                + ". You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", null, "invalid_api_key"));

        assertThatThrownBy(() -> generator(OpenAiFixture.entry("openai/sora-2")).generate(request(LANDSCAPE), dir.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("OPENAI_API_KEY").doesNotContain(OpenAiFixture.KEY).doesNotContain("sk-test");
                });
        assertThat(fake.server.requests("POST", "/v1/videos")).hasSize(1);
    }

    @Test
    void aServerWithoutTheVideosApiSaysSoraWasRetired() {
        fake.server.on("POST", "/v1/videos", error(404, "Invalid URL (POST /v1/videos)", "invalid_request_error", null, null));

        assertThatThrownBy(() -> generator(OpenAiFixture.entry("openai/sora-2")).generate(request(LANDSCAPE), dir.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MODEL_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("retired the Sora Videos API on 2026-09-24").contains("base_url");
                });
    }
}
