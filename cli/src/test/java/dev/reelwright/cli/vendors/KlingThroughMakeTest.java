package dev.reelwright.cli.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.providers.kling.KlingFake;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kling's own API chosen for clips, end to end through {@code make}: every request signed with a fresh JWT (PROVIDERS.md §8). */
@Tag("slow")
class KlingThroughMakeTest {
    private static final String I2V = "/v1/videos/image2video";

    @Test
    void makesAVideoWithKlingClips(@TempDir Path dir) throws IOException {
        try (FakeServer fake = new FakeServer()) {
            fake.on("POST", I2V, KlingFake.submitted("task-77"));
            fake.on("GET", I2V + "/task-77", KlingFake.status("task-77", "processing", ""),
                    KlingFake.succeed("task-77", "video-77", fake.baseUrl() + "/cdn/task-77.mp4"));
            fake.on("GET", "/cdn/task-77.mp4", Answer.bytes(200, "video/mp4", VendorMake.clip(dir)));

            VendorMake.Made made = VendorMake.make(dir, VendorMake.ONE_SCENE, """
                    models:
                      clips: kling/kling-v1-t2v
                    providers:
                      kling:
                        base_url: %s
                    """.formatted(fake.baseUrl()), Map.of("KLING_ACCESS_KEY", KlingFake.ACCESS, "KLING_SECRET_KEY", KlingFake.SECRET))
                    .assertFinished();

            assertThat(fake.requests()).extracting(r -> r.method() + " " + r.path())
                    .containsExactly("POST " + I2V, "GET " + I2V + "/task-77", "GET " + I2V + "/task-77", "GET /cdn/task-77.mp4");
            for (FakeServer.Recorded request : fake.requests().subList(0, 3)) {
                assertThat(KlingFake.verifiedPayload(request.header("authorization")).path("iss").asText()).isEqualTo(KlingFake.ACCESS);
            }
            JsonNode body = fake.requests("POST", I2V).getFirst().json();
            assertThat(body.path("model_name").asText()).isEqualTo("kling-v1");
            assertThat(body.path("duration").asText()).isEqualTo("5");
            assertThat(body.path("prompt").asText()).startsWith("a lighthouse at dusk");
            assertThat(body.path("external_task_id").asText()).matches("rw-[0-9a-f]{40}");
            assertThat(body.has("aspect_ratio")).isFalse();
            assertThat(Base64.getDecoder().decode(body.path("image").asText())).isEqualTo(Files.readAllBytes(made.stepFile("keyframe", "keyframe.png")));
            // kling-v1 honours camera_control: the planned move is sent as one, unless the scene holds still.
            String camera = made.storyboard().at("/scenes/0/camera").asText();
            assertThat(body.has("camera_control")).as(camera).isEqualTo(!camera.equals("static"));

            assertThat(made.provider("videos")).isEqualTo("kling/kling-v1-t2v@kling-v1");
            assertThat(made.stageCost("clip")).isCloseTo(5 * 0.05, within(1e-9));
        }
    }
}
