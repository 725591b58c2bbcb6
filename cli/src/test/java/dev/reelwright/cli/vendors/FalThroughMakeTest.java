package dev.reelwright.cli.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.cli.Environment;
import dev.reelwright.cli.Main;
import dev.reelwright.core.json.Json;
import dev.reelwright.media.MediaProbe;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import dev.reelwright.providers.testing.TestContexts;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
            byte[] clip = TestClips.mp4(dir, 640, 360, 24, 5 * 24);
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
            fal.on("GET", "/files/out.mp4", Answer.bytes(200, "video/mp4", clip));

            Path script = Files.writeString(dir.resolve("fal.md"), "[visual: a lighthouse at dusk]\nThe keeper lights the lamp.\n");
            Path spec = Files.writeString(dir.resolve("production.yaml"), """
                    resolution: 720p
                    brand:
                      title_seconds: 0
                    # The fake vendor serves a gradient, not a clip made from the keyframe: no subject to keep.
                    quality_thresholds: {subject_drift: 0}
                    models:
                      clips: fal/kling-v2.1-pro-i2v
                    providers:
                      fal:
                        base_url: %s
                    """.formatted(fal.baseUrl()));
            var recorder = new TestContexts.Recorder();
            Environment environment = new Environment(Map.of("FAL_KEY", "fal-test-key"), Clock.systemUTC(), recorder);
            CommandLine cli = Main.commandLine(environment);
            var out = new StringWriter();
            var err = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute("make", script.toString(), "--spec", spec.toString(), "--out", dir.resolve("out").toString(), "--quiet");
            assertThat(code).as(err.toString()).isZero();

            assertThat(fal.requests("POST", "/" + ENDPOINT)).hasSize(1);
            JsonNode submit = fal.requests("POST", "/" + ENDPOINT).getFirst().json();
            assertThat(submit.get("image_url").asText()).isEqualTo(fal.baseUrl() + "/cdn/keyframe.png");
            assertThat(fal.requests("POST", "/" + ENDPOINT).getFirst().header("Authorization")).isEqualTo("Key fal-test-key");

            JsonNode report = Json.json().readTree(dir.resolve("out/report.json").toFile());
            assertThat(report.at("/cost/actual").asDouble()).isGreaterThan(0);
            assertThat(report.at("/cost/by_stage/clip").asDouble()).isCloseTo(5 * 0.09, within(1e-6));
            assertThat(report.toString()).doesNotContain("fal-test-key");
            MediaProbe.Info video = MediaProbe.probe(dir.resolve("out/video.mp4"));
            assertThat(video.width()).isEqualTo(1280);
            assertThat(video.videoSeconds()).isCloseTo(report.at("/video/seconds").asDouble(), within(1 / 30.0));
        }
    }
}
