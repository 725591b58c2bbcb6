package dev.reelwright.cli.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The happy path end to end through {@code make} with fal chosen for clips in production.yaml: the keyframe is
 * uploaded to the (fake) CDN, the queue job runs, the real MP4 it returns is downloaded, verified by FFmpeg,
 * decoded into the timeline, and its cost lands in report.json.
 */
@Tag("slow")
class FalThroughMakeTest {
    private static final String ENDPOINT = "fal-ai/kling-video/v2.1/pro/image-to-video";
    private static final String APP = "fal-ai/kling-video";

    @Test
    void makesAVideoWithFalClips(@TempDir Path dir) throws IOException {
        try (FakeServer fal = new FakeServer()) {
            fal.on("POST", "/storage/upload/initiate", request -> Answer.json(200,
                    "{\"upload_url\":\"" + fal.baseUrl() + "/put/keyframe\",\"file_url\":\"" + fal.baseUrl() + "/cdn/keyframe.png\"}"));
            fal.on("PUT", "/put/keyframe", Answer.json(200, "{}"));
            String base = fal.baseUrl() + "/" + APP + "/requests/req-1";
            String urls = "\"request_id\":\"req-1\",\"response_url\":\"" + base + "\",\"status_url\":\"" + base + "/status\",\"cancel_url\":\"" + base + "/cancel\"";
            fal.on("POST", "/" + ENDPOINT, Answer.json(200, "{\"status\":\"IN_QUEUE\"," + urls + ",\"queue_position\":0}"));
            fal.on("GET", "/" + APP + "/requests/req-1/status",
                    Answer.json(202, "{\"status\":\"IN_PROGRESS\"," + urls + "}"), Answer.json(200, "{\"status\":\"COMPLETED\"," + urls + "}"));
            fal.on("GET", "/" + APP + "/requests/req-1",
                    Answer.json(200, "{\"video\":{\"url\":\"" + fal.baseUrl() + "/files/out.mp4\",\"content_type\":\"video/mp4\"}}"));
            fal.on("GET", "/files/out.mp4", Answer.bytes(200, "video/mp4", VendorMake.clip(dir)));

            VendorMake.Made made = VendorMake.make(dir, VendorMake.ONE_SCENE, """
                    models:
                      clips: fal/kling-v2.1-pro-i2v
                    providers:
                      fal:
                        base_url: %s
                    """.formatted(fal.baseUrl()), Map.of("FAL_KEY", "fal-test-key")).assertFinished();

            assertThat(fal.requests("POST", "/" + ENDPOINT)).hasSize(1);
            FakeServer.Recorded submit = fal.requests("POST", "/" + ENDPOINT).getFirst();
            JsonNode body = submit.json();
            assertThat(body.get("image_url").asText()).isEqualTo(fal.baseUrl() + "/cdn/keyframe.png");
            assertThat(submit.header("Authorization")).isEqualTo("Key fal-test-key");

            assertThat(made.provider("videos")).isEqualTo("fal/kling-v2.1-pro-i2v@" + ENDPOINT);
            assertThat(made.report().at("/cost/actual").asDouble()).isGreaterThan(0);
            assertThat(made.stageCost("clip")).isCloseTo(5 * 0.09, within(1e-6));
        }
    }
}
