package dev.reelwright.cli.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.providers.runway.RunwayFake;
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

/** Runway chosen for clips, end to end through {@code make}: an image-to-video task polled until SUCCEEDED (PROVIDERS.md §4). */
@Tag("slow")
class RunwayThroughMakeTest {
    @Test
    void makesAVideoWithRunwayClips(@TempDir Path dir) throws IOException {
        try (FakeServer fake = new FakeServer()) {
            String task = "/v1/tasks/" + RunwayFake.TASK;
            fake.on("POST", "/v1/image_to_video", RunwayFake.created());
            fake.on("GET", task, RunwayFake.task("PENDING", ""), RunwayFake.task("RUNNING", ",\"progress\":0.5"),
                    RunwayFake.succeeded(fake.baseUrl() + "/output/clip.mp4"));
            fake.on("GET", "/output/clip.mp4", Answer.bytes(200, "video/mp4", VendorMake.clip(dir)));

            VendorMake.Made made = VendorMake.make(dir, VendorMake.ONE_SCENE, """
                    models:
                      clips: runway/gen4.5
                    providers:
                      runway:
                        base_url: %s
                    """.formatted(fake.baseUrl()), Map.of("RUNWAYML_API_SECRET", RunwayFake.KEY)).assertFinished();

            assertThat(fake.requests()).extracting(r -> r.method() + " " + r.path())
                    .containsExactly("POST /v1/image_to_video", "GET " + task, "GET " + task, "GET " + task, "GET /output/clip.mp4");
            assertThat(fake.requests().subList(0, 4)).allSatisfy(request -> {
                assertThat(request.header("authorization")).isEqualTo("Bearer " + RunwayFake.KEY);
                assertThat(request.header("x-runway-version")).isEqualTo("2024-11-06");
            });
            assertThat(fake.requests().getLast().header("authorization")).isNull(); // the output URL is pre-signed
            JsonNode body = fake.requests("POST", "/v1/image_to_video").getFirst().json();
            assertThat(body.path("model").asText()).isEqualTo("gen4.5");
            assertThat(body.path("ratio").asText()).isEqualTo("1280:720");
            assertThat(body.path("duration").isInt()).isTrue();
            assertThat(body.path("duration").asInt()).isEqualTo(3); // the 3 s scene, within gen4.5's 2..10
            assertThat(body.path("promptText").asText()).startsWith("a lighthouse at dusk");
            String image = body.path("promptImage").asText();
            assertThat(image).startsWith("data:image/png;base64,");
            assertThat(Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1)))
                    .isEqualTo(Files.readAllBytes(made.stepFile("keyframe", "keyframe.png")));

            assertThat(made.provider("videos")).isEqualTo("runway/gen4.5@gen4.5");
            assertThat(made.stageCost("clip")).isCloseTo(3 * 0.12, within(1e-9));
        }
    }
}
