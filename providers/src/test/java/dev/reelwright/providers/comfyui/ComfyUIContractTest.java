package dev.reelwright.providers.comfyui;

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
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import dev.reelwright.providers.testing.FakeTime;
import dev.reelwright.providers.testing.TestContexts;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ComfyUI server's routes (PROVIDERS.md §5, vendor-specs/comfyui.yaml) spoken by a fake, driven through the SPI. */
class ComfyUIContractTest {
    private static final ModelEntry WAN = ModelCatalog.bundled().find("comfyui/wan-2.1-i2v").orElseThrow();

    @TempDir
    Path tmp;
    private final FakeServer server = new FakeServer();
    private final TestContexts.Recorder recorder = new TestContexts.Recorder();
    private final FakeTime time = new FakeTime();
    private Path keyframe;
    private ClipRequest request;

    @BeforeEach
    void files() throws IOException {
        keyframe = TestContexts.writePng(tmp.resolve("keyframe.png"), 128, 72, (x, y) -> x << 17 | y << 9 | 40);
        Files.createDirectories(tmp.resolve("out"));
        request = new ClipRequest(keyframe, "A fox in fresh snow", CameraMove.DOLLY_IN, 96, new VideoFormat(1280, 720, 24), 42);
    }

    @AfterEach
    void close() {
        server.close();
    }

    private VendorContext context(URI base, Integer timeoutSeconds, Map<String, String> environment) {
        return new VendorContext(environment, Map.of("comfyui", new ProviderSettings(base.toString(), null, timeoutSeconds)), VendorHttp.defaultClient(),
                time, time, RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, recorder);
    }

    private VideoGenerator generator(VendorContext context) {
        return new ComfyUIModule().videos(WAN, context).orElseThrow();
    }

    /** The prompt id the adapter will choose for {@link #request}: a hash of the filled graph. */
    private String promptId(VendorContext context, URI base) {
        ComfyUIVideoJobs jobs = new ComfyUIVideoJobs(WAN, new ComfyUIClient(context, base), ComfyUIWorkflow.load(Optional.empty()));
        return ((ComfyUIJob) jobs.job(request, 5)).promptId();
    }

    private static String queue(String running) {
        return ComfyUIFake.queue(running);
    }

    private static String success(String id) {
        return ComfyUIFake.success(id);
    }

    @Test
    void uploadsQueuesPollsAndDownloadsAClip() throws IOException {
        VendorContext context = context(server.baseUrl(), null, Map.of());
        String id = promptId(context, server.baseUrl());
        server.on("GET", "/history/" + id, Answer.json(200, "{}"), Answer.json(200, "{}"), Answer.json(200, "{}"), Answer.json(200, success(id)));
        server.on("GET", "/queue", Answer.json(200, queue(null)), Answer.json(200, queue(id)));
        server.on("POST", "/upload/image", Answer.json(200, "{\"name\":\"renamed (1).png\",\"subfolder\":\"\",\"type\":\"input\"}"));
        server.on("POST", "/prompt", Answer.json(200, "{\"prompt_id\":\"" + id + "\",\"number\":3,\"node_errors\":{}}"));
        byte[] video = TestContexts.fakeMp4(3000);
        server.on("GET", "/view", Answer.bytes(200, "video/mp4", video));

        VideoGenerator.GeneratedClip clip = generator(context).generate(request, tmp.resolve("out"));

        assertThat(Files.readAllBytes(tmp.resolve("out").resolve(clip.file()))).isEqualTo(video);
        assertThat(clip.frames()).isEqualTo(96);
        assertThat(clip.charge().usd()).isEqualTo(WAN.price("per_gpu_second") * 95, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(clip.charge().estimated()).isTrue();
        assertThat(recorder.submitted).extracting(j -> j.id()).containsExactly(id);

        FakeServer.Recorded upload = server.requests("POST", "/upload/image").getFirst();
        assertThat(upload.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        String multipart = new String(upload.body(), StandardCharsets.ISO_8859_1);
        assertThat(multipart).contains("name=\"image\"; filename=\"reelwright-").contains(".png\"").contains("Content-Type: image/png")
                .contains("name=\"type\"\r\n\r\ninput\r\n").contains("name=\"overwrite\"\r\n\r\ntrue\r\n");
        assertThat(multipart).contains(new String(Files.readAllBytes(keyframe), StandardCharsets.ISO_8859_1));

        JsonNode body = server.requests("POST", "/prompt").getFirst().json();
        assertThat(body.path("prompt_id").asText()).isEqualTo(id);
        assertThat(body.path("client_id").asText()).isEqualTo("reelwright");
        JsonNode graph = body.path("prompt");
        assertThat(graph.path("1").path("inputs").path("unet_name").asText()).isEqualTo(WAN.model());
        assertThat(graph.path("5").path("inputs").path("image").asText()).isEqualTo("renamed (1).png");
        assertThat(graph.path("7").path("inputs").path("text").asText()).isEqualTo("A fox in fresh snow. The camera slowly dollies in toward the subject.");
        assertThat(graph.path("8").path("inputs").path("text").asText()).isEqualTo(ComfyUIWorkflow.NEGATIVE_PROMPT);
        assertThat(graph.path("11").path("inputs").path("seed").isNumber()).isTrue();
        assertThat(graph.path("11").path("inputs").path("seed").asLong()).isEqualTo(42);
        JsonNode wan = graph.path("9").path("inputs");
        assertThat(List.of(wan.path("width").asInt(), wan.path("height").asInt(), wan.path("length").asInt())).containsExactly(848, 480, 81);
        assertThat(wan.path("length").isInt()).isTrue();
        assertThat(graph.path("13").path("inputs").path("fps").asInt()).isEqualTo(16);
        assertThat(graph.toString()).doesNotContain("{{");

        FakeServer.Recorded view = server.requests("GET", "/view").getFirst();
        assertThat(view.query()).isEqualTo("filename=wan_00001_.mp4&subfolder=reelwright&type=output");
        assertThat(server.requests("POST", "/prompt")).hasSize(1);
    }

    @Test
    void aRunThatAlreadySucceededIsAdoptedWithoutQueueingAgain() {
        VendorContext context = context(server.baseUrl(), null, Map.of());
        String id = promptId(context, server.baseUrl());
        server.on("GET", "/history/" + id, Answer.json(200, success(id)));
        server.on("GET", "/view", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(100)));

        VideoGenerator.GeneratedClip clip = generator(context).generate(request, tmp.resolve("out"));

        assertThat(server.requests("POST", "/prompt")).isEmpty();
        assertThat(server.requests("POST", "/upload/image")).isEmpty();
        assertThat(clip.charge().usd()).isZero(); // no GPU time spent for this run
    }

    @Test
    void aLostQueueReplyIsCheckedAgainstTheQueueBeforeSendingAgain() {
        VendorContext context = context(server.baseUrl(), null, Map.of());
        String id = promptId(context, server.baseUrl());
        server.on("GET", "/history/" + id, Answer.json(200, "{}"), Answer.json(200, "{}"), Answer.json(200, success(id)));
        server.on("GET", "/queue", Answer.json(200, queue(null)), Answer.json(200, queue(id)));
        server.on("POST", "/upload/image", Answer.json(200, "{\"name\":\"k.png\",\"subfolder\":\"\",\"type\":\"input\"}"));
        server.on("POST", "/prompt", recorded -> {
            throw new IllegalStateException("the reply is lost");
        });
        server.on("GET", "/view", Answer.bytes(200, "video/mp4", TestContexts.fakeMp4(100)));

        generator(context).generate(request, tmp.resolve("out"));

        assertThat(server.requests("POST", "/prompt")).hasSize(1);
        assertThat(recorder.submitted).extracting(j -> j.id()).containsExactly(id);
    }

    @Test
    void aMissingModelFileIsModelUnavailableNamingTheFile() {
        VendorContext context = context(server.baseUrl(), null, Map.of());
        String id = promptId(context, server.baseUrl());
        server.on("GET", "/history/" + id, Answer.json(200, "{}"));
        server.on("GET", "/queue", Answer.json(200, queue(null)));
        server.on("POST", "/upload/image", Answer.json(200, "{\"name\":\"k.png\",\"subfolder\":\"\",\"type\":\"input\"}"));
        server.on("POST", "/prompt", Answer.json(400, "{\"error\":{\"type\":\"prompt_outputs_failed_validation\",\"message\":\"Prompt outputs failed validation\","
                + "\"details\":\"\",\"extra_info\":{}},\"node_errors\":{\"1\":{\"errors\":[{\"type\":\"value_not_in_list\",\"message\":\"Value not in list\","
                + "\"details\":\"unet_name: '" + WAN.model() + "' not in ['wan2.1_t2v_1.3B_fp16.safetensors']\",\"extra_info\":{\"input_name\":\"unet_name\","
                + "\"input_config\":[[\"wan2.1_t2v_1.3B_fp16.safetensors\"]],\"received_value\":\"" + WAN.model() + "\"}}],"
                + "\"dependent_outputs\":[\"14\"],\"class_type\":\"UNETLoader\"}}}"));

        assertThatThrownBy(() -> generator(context).generate(request, tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MODEL_UNAVAILABLE);
                    assertThat(e.getMessage()).contains(WAN.model()).contains("node 1 (UNETLoader)").contains("unet_name");
                    assertThat(e.parameter()).contains("unet_name");
                });
        assertThat(server.requests("POST", "/prompt")).hasSize(1);
    }

    @Test
    void anotherNodeErrorIsAnInvalidRequestNamingNodeAndInput() {
        VendorContext context = context(server.baseUrl(), null, Map.of());
        String id = promptId(context, server.baseUrl());
        server.on("GET", "/history/" + id, Answer.json(200, "{}"));
        server.on("GET", "/queue", Answer.json(200, queue(null)));
        server.on("POST", "/upload/image", Answer.json(200, "{\"name\":\"k.png\",\"subfolder\":\"\",\"type\":\"input\"}"));
        server.on("POST", "/prompt", Answer.json(400, "{\"error\":{\"type\":\"prompt_outputs_failed_validation\",\"message\":\"Prompt outputs failed validation\"},"
                + "\"node_errors\":{\"9\":{\"errors\":[{\"type\":\"value_bigger_than_max\",\"message\":\"Value bigger than max\","
                + "\"details\":\"length: 4097 > 4096\",\"extra_info\":{\"input_name\":\"length\",\"received_value\":4097}}],\"class_type\":\"WanImageToVideo\"}}}"));

        assertThatThrownBy(() -> generator(context).generate(request, tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("node 9 (WanImageToVideo) input length").contains("4097 > 4096");
                    assertThat(e.parameter()).contains("9.length");
                });
    }

    @Test
    void aPartlyValidWorkflowIsTakenOffTheQueueAndItsNodeErrorReported() {
        VendorContext context = context(server.baseUrl(), null, Map.of());
        String id = promptId(context, server.baseUrl());
        server.on("GET", "/history/" + id, Answer.json(200, "{}"));
        server.on("GET", "/queue", Answer.json(200, queue(null)));
        server.on("POST", "/upload/image", Answer.json(200, "{\"name\":\"k.png\",\"subfolder\":\"\",\"type\":\"input\"}"));
        server.on("POST", "/prompt", Answer.json(200, "{\"prompt_id\":\"" + id + "\",\"number\":1,\"node_errors\":{\"14\":{\"errors\":[{\"type\":"
                + "\"required_input_missing\",\"message\":\"Required input is missing\",\"details\":\"video\",\"extra_info\":{\"input_name\":\"video\"}}],"
                + "\"class_type\":\"SaveVideo\"}}}"));
        server.on("POST", "/queue", new Answer(200, Map.of(), new byte[0]));

        assertThatThrownBy(() -> generator(context).generate(request, tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("node 14 (SaveVideo) input video");
                });
        assertThat(server.requests("POST", "/queue").getFirst().json().path("delete").get(0).asText()).isEqualTo(id);
        assertThat(server.requests("POST", "/prompt")).hasSize(1);
    }

    @Test
    void aRunThatFailsOnTheServerNamesTheNode() {
        VendorContext context = context(server.baseUrl(), null, Map.of());
        String id = promptId(context, server.baseUrl());
        server.on("GET", "/history/" + id, Answer.json(200, "{}"), Answer.json(200, "{\"" + id + "\":{\"outputs\":{},\"status\":{\"status_str\":\"error\","
                + "\"completed\":false,\"messages\":[[\"execution_start\",{\"prompt_id\":\"" + id + "\"}],[\"execution_error\",{\"prompt_id\":\"" + id
                + "\",\"node_id\":\"11\",\"node_type\":\"KSampler\",\"exception_type\":\"torch.OutOfMemoryError\",\"exception_message\":\"CUDA out of memory.\"}]]}}}"));
        server.on("GET", "/queue", Answer.json(200, queue(null)));
        server.on("POST", "/upload/image", Answer.json(200, "{\"name\":\"k.png\",\"subfolder\":\"\",\"type\":\"input\"}"));
        server.on("POST", "/prompt", Answer.json(200, "{\"prompt_id\":\"" + id + "\",\"number\":1,\"node_errors\":{}}"));

        assertThatThrownBy(() -> generator(context).generate(request, tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.JOB_FAILED);
                    assertThat(e.getMessage()).contains("node 11 (KSampler)").contains("OutOfMemoryError").contains("out of memory");
                });
    }

    @Test
    void aRunThatNeverFinishesTimesOutAndIsDeletedAndInterrupted() {
        VendorContext context = context(server.baseUrl(), 60, Map.of());
        String id = promptId(context, server.baseUrl());
        server.on("GET", "/history/" + id, Answer.json(200, "{}"));
        server.on("GET", "/queue", Answer.json(200, queue(null)), Answer.json(200, queue(id)));
        server.on("POST", "/upload/image", Answer.json(200, "{\"name\":\"k.png\",\"subfolder\":\"\",\"type\":\"input\"}"));
        server.on("POST", "/prompt", Answer.json(200, "{\"prompt_id\":\"" + id + "\",\"number\":1,\"node_errors\":{}}"));
        server.on("POST", "/queue", new Answer(200, Map.of(), new byte[0]));
        server.on("POST", "/interrupt", new Answer(200, Map.of(), new byte[0]));

        assertThatThrownBy(() -> generator(context).generate(request, tmp.resolve("out")))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMED_OUT));

        assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(60));
        JsonNode delete = server.requests("POST", "/queue").getFirst().json();
        assertThat(delete.path("delete").get(0).asText()).isEqualTo(id);
        assertThat(server.requests("POST", "/interrupt").getFirst().json().path("prompt_id").asText()).isEqualTo(id);
    }

    @Test
    void aTruncatedDownloadIsBadOutput() throws IOException {
        Map<String, Integer> historyCalls = new HashMap<>();
        String[] id = new String[1];
        try (RawServer comfy = new RawServer((method, path) -> {
            if (path.startsWith("/history/")) {
                int call = historyCalls.merge(path, 1, Integer::sum);
                return RawServer.Reply.json(call == 1 ? "{}" : success(id[0]));
            }
            if (path.equals("/queue")) return RawServer.Reply.json(queue(null));
            if (path.equals("/upload/image")) return RawServer.Reply.json("{\"name\":\"k.png\",\"subfolder\":\"\",\"type\":\"input\"}");
            if (path.equals("/prompt")) return RawServer.Reply.json("{\"prompt_id\":\"" + id[0] + "\",\"number\":1,\"node_errors\":{}}");
            if (path.startsWith("/view?")) return new RawServer.Reply(200, "video/mp4", TestContexts.fakeMp4(2048), 80_000);
            return new RawServer.Reply(404, "text/plain", new byte[0], 0);
        })) {
            VendorContext context = context(comfy.baseUrl(), null, Map.of());
            id[0] = promptId(context, comfy.baseUrl());
            assertThatThrownBy(() -> generator(context).generate(request, tmp.resolve("out")))
                    .isInstanceOfSatisfying(VendorException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.BAD_OUTPUT);
                        assertThat(e.getMessage()).contains("broke off");
                    });
            assertThat(tmp.resolve("out").resolve("clip.mp4")).doesNotExist();
        }
    }

    @Test
    void aUserWorkflowFromTheEnvironmentIsFilledAndChecked() throws IOException {
        Path mine = tmp.resolve("mine.json");
        Files.writeString(mine, """
                {"3": {"class_type": "LoadImage", "inputs": {"image": "{{image}}"}},
                 "4": {"class_type": "MyWanLoader", "inputs": {"file": "{{model}}", "note": "seed {{seed}} at {{width}}x{{height}}"}},
                 "5": {"class_type": "VHS_VideoCombine", "inputs": {"frame_rate": "{{fps}}", "frames": "{{length}}"}}}
                """);
        ComfyUIWorkflow workflow = ComfyUIWorkflow.fromFile(mine);
        JsonNode filled = workflow.fill(ComfyUIWorkflow.values("k.png", "p", 9, 832, 480, 81, "m.safetensors"));
        assertThat(filled.path("3").path("inputs").path("image").asText()).isEqualTo("k.png");
        assertThat(filled.path("4").path("inputs").path("note").asText()).isEqualTo("seed 9 at 832x480");
        assertThat(filled.path("5").path("inputs").path("frame_rate").isInt()).isTrue();
        assertThat(filled.path("5").path("inputs").path("frames").asInt()).isEqualTo(81);

        VendorContext context = context(server.baseUrl(), null, Map.of("COMFYUI_WORKFLOW", mine.toString()));
        assertThat(new ComfyUIModule().videos(WAN, context)).isPresent();

        Path noImage = tmp.resolve("no-image.json");
        Files.writeString(noImage, "{\"1\": {\"class_type\": \"KSampler\", \"inputs\": {\"seed\": \"{{seed}}\"}}}");
        assertThatThrownBy(() -> ComfyUIWorkflow.fromFile(noImage)).isInstanceOf(InputException.class).hasMessageContaining("{{image}}");
        Path uiFormat = tmp.resolve("ui.json");
        Files.writeString(uiFormat, "{\"nodes\": [], \"links\": []}");
        assertThatThrownBy(() -> ComfyUIWorkflow.fromFile(uiFormat)).isInstanceOf(InputException.class).hasMessageContaining("Save (API)");
        Path typo = tmp.resolve("typo.json");
        Files.writeString(typo, "{\"1\": {\"class_type\": \"LoadImage\", \"inputs\": {\"image\": \"{{image}}\", \"x\": \"{{promt}}\"}}}");
        assertThatThrownBy(() -> ComfyUIWorkflow.fromFile(typo)).isInstanceOf(InputException.class).hasMessageContaining("promt");
    }

    @Test
    void framesSizesAndPromptsFollowWansRules() {
        assertThat(ComfyUIWorkflow.length(5)).isEqualTo(81);
        assertThat(ComfyUIWorkflow.length(3)).isEqualTo(49);
        assertThat((ComfyUIWorkflow.length(7) - 1) % 4).isZero();
        assertThat(ComfyUIVideoJobs.size(WAN, new VideoFormat(720, 1280, 30))).containsExactly(480, 848);
        assertThat(ComfyUIVideoJobs.size(WAN, new VideoFormat(1080, 1080, 30))).containsExactly(480, 480);
        assertThat(ComfyUIVideoJobs.prompt("Calm sea", CameraMove.STATIC)).isEqualTo("Calm sea. Static camera, locked-off shot.");
    }

    @Test
    void checkReadsSystemStatsAndTheBaseUrlMakesItConfigured() {
        server.on("GET", "/system_stats", Answer.json(200, "{\"system\":{\"os\":\"posix\",\"python_version\":\"3.12\",\"embedded_python\":false,"
                + "\"comfyui_version\":\"0.3.66\",\"pytorch_version\":\"2.8.0\",\"argv\":[\"main.py\"],\"ram_total\":1,\"ram_free\":1},"
                + "\"devices\":[{\"name\":\"cuda:0 NVIDIA H100 80GB HBM3 : cudaMallocAsync\",\"type\":\"cuda\",\"vram_total\":85899345920,\"vram_free\":64424509440}]}"));
        VendorContext context = context(server.baseUrl(), null, Map.of());
        assertThat(new ComfyUIModule().check(context)).contains("ComfyUI 0.3.66").contains("H100").contains(server.baseUrl().toString());
        assertThat(new ComfyUIModule().configured(context)).isTrue();
        VendorContext fromEnv = new VendorContext(Map.of("COMFYUI_BASE_URL", server.baseUrl().toString()), Map.of(), VendorHttp.defaultClient(),
                time, time, RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, recorder);
        assertThat(new ComfyUIModule().configured(fromEnv)).isTrue();
        assertThat(new ComfyUIModule().baseUrl(fromEnv)).isEqualTo(server.baseUrl());
        VendorContext nothing = new VendorContext(Map.of(), Map.of(), VendorHttp.defaultClient(), time, time,
                RandomGenerator.of("L64X128MixRandom"), TestContexts.MAGIC_BYTES, recorder);
        assertThat(new ComfyUIModule().configured(nothing)).isFalse();
        assertThat(new ComfyUIModule().baseUrl(nothing).toString()).isEqualTo("http://127.0.0.1:8188");
        assertThat(new ComfyUIModule().keyVariable()).isNull();
    }
}
