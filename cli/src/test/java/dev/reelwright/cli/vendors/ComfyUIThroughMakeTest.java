package dev.reelwright.cli.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.providers.comfyui.ComfyUIFake;
import dev.reelwright.providers.testing.FakeServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A self-hosted ComfyUI running the bundled Wan 2.1 workflow, end to end through {@code make} (PROVIDERS.md §5). */
@Tag("slow")
class ComfyUIThroughMakeTest {
    @Test
    void makesAVideoWithTheWanWorkflow(@TempDir Path dir) throws IOException {
        try (FakeServer fake = new FakeServer()) {
            ComfyUIFake.serve(fake, VendorMake.clip(dir));

            VendorMake.Made made = VendorMake.make(dir, VendorMake.ONE_SCENE, """
                    models:
                      clips: comfyui/wan-2.1-i2v
                    providers:
                      comfyui:
                        base_url: %s
                    """.formatted(fake.baseUrl()), Map.of()).assertFinished();

            JsonNode queued = fake.requests("POST", "/prompt").getFirst().json();
            String id = queued.path("prompt_id").asText();
            assertThat(fake.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                    "GET /history/" + id, "GET /queue", "POST /upload/image", "POST /prompt",
                    "GET /history/" + id, "GET /queue", "GET /history/" + id, "GET /view");
            assertThat(fake.requests()).allSatisfy(request -> assertThat(request.header("authorization")).isNull());
            String upload = new String(fake.requests("POST", "/upload/image").getFirst().body(), StandardCharsets.ISO_8859_1);
            assertThat(upload).contains("name=\"type\"\r\n\r\ninput\r\n")
                    .contains(new String(Files.readAllBytes(made.stepFile("keyframe", "keyframe.png")), StandardCharsets.ISO_8859_1));
            JsonNode graph = queued.path("prompt");
            assertThat(queued.path("client_id").asText()).isEqualTo("reelwright");
            assertThat(graph.path("1").path("inputs").path("unet_name").asText()).isEqualTo("wan2.1_i2v_480p_14B_fp16.safetensors");
            assertThat(graph.path("7").path("inputs").path("text").asText()).startsWith("a lighthouse at dusk");
            JsonNode wan = graph.path("9").path("inputs");
            assertThat(wan.path("width").asInt()).isEqualTo(848);
            assertThat(wan.path("height").asInt()).isEqualTo(480);
            assertThat(wan.path("length").asInt()).isEqualTo(81); // 5 s at Wan's 16 fps, 4k + 1 frames
            assertThat(fake.requests("GET", "/view").getFirst().query()).isEqualTo("filename=" + ComfyUIFake.VIDEO_FILE + "&subfolder=reelwright&type=output");

            assertThat(made.provider("videos")).isEqualTo("comfyui/wan-2.1-i2v@wan2.1_i2v_480p_14B_fp16.safetensors");
            assertThat(made.stageCost("clip")).isCloseTo(95 * 0.0008, within(1e-9)); // the history's 95 s of execution
        }
    }
}
