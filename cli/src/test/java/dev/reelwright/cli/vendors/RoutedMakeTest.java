package dev.reelwright.cli.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.providers.runway.RunwayFake;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router and the budget inside {@code make}: a vendor that fails hands its shots to the route's fallback (and
 * is not called again by later shots), and a budget that would be passed stops the run before the call that would
 * pass it, keeping what was made so a re-run with a larger budget pays only for the rest.
 */
@Tag("slow")
class RoutedMakeTest {
    private static final String TWO_SCENES = """
            ## Dawn
            [visual: a lighthouse at dawn]
            The keeper climbs the stairs.

            ## Dusk
            [visual: boats in the harbour at dusk]
            The boats come home.
            """;

    private static String runway(FakeServer fake) {
        return "providers:\n  runway:\n    base_url: " + fake.baseUrl() + "\n";
    }

    private static void servesClips(FakeServer fake, Path dir) {
        fake.on("POST", "/v1/image_to_video", RunwayFake.created());
        fake.on("GET", "/v1/tasks/" + RunwayFake.TASK, RunwayFake.succeeded(fake.baseUrl() + "/output/clip.mp4"));
        fake.on("GET", "/output/clip.mp4", Answer.bytes(200, "video/mp4", VendorMake.clip(dir)));
    }

    @Test
    void aFailingVendorHandsTheShotsToTheRoutesFallback(@TempDir Path dir) throws IOException {
        try (FakeServer fake = new FakeServer()) {
            fake.on("POST", "/v1/image_to_video", Answer.json(401, "{\"error\":\"Invalid API key\"}"));
            VendorMake.Made made = VendorMake.make(dir, TWO_SCENES, """
                    models: {clips: auto}
                    vendors: {allow: [runway, local]}
                    candidates_per_shot: 1
                    """ + runway(fake), Map.of("RUNWAYML_API_SECRET", RunwayFake.KEY)).assertFinished();

            // Shots run in parallel, so each may meet the bad key before another has; none is sent twice.
            assertThat(fake.requests("POST", "/v1/image_to_video")).hasSizeBetween(1, 2);
            JsonNode scenes = made.report().path("scenes");
            List<String> lines = new ArrayList<>();
            for (JsonNode scene : scenes) {
                assertThat(scene.path("model").asText()).isEqualTo("local/camera-move");
                assertThat(scene.path("routing").get(0).asText()).contains("-> runway/"); // the router's first choice
                scene.path("routing").forEach(line -> lines.add(line.asText()));
            }
            assertThat(lines).anyMatch(line -> line.equals("runway failed (authentication) -> local/camera-move"));
            assertThat(scenes.get(0).path("clip").asText()).isEqualTo("not_inspected"); // camera moves have nothing to filter
            assertThat(made.report().at("/cost/actual").asDouble()).isZero();
        }
    }

    @Test
    void theBudgetStopsTheRunBeforeItIsPassedAndARerunPaysOnlyForTheRest(@TempDir Path dir) throws IOException {
        try (FakeServer fake = new FakeServer()) {
            servesClips(fake, dir);
            String spec = """
                    models: {clips: runway/gen4.5}
                    candidates_per_shot: 1
                    budget: 0.70
                    """ + runway(fake);
            VendorMake.Made stopped = VendorMake.make(dir, TWO_SCENES, spec, Map.of("RUNWAYML_API_SECRET", RunwayFake.KEY));

            assertThat(stopped.run().exitCode()).as(stopped.run().err()).isEqualTo(3);
            assertThat(stopped.run().err()).contains("budget $0.70 reached", "raise 'budget'", "nothing already paid for is paid again");
            assertThat(stopped.out().resolve("report.json")).doesNotExist();
            assertThat(stopped.out().resolve("video.mp4")).doesNotExist();
            // One clip fitted the budget and was paid for; the second was never sent.
            assertThat(fake.requests("POST", "/v1/image_to_video")).hasSize(1);
            assertThat(stopped.cachedResults("clip")).hasSize(1);

            VendorMake.Made finished = VendorMake.make(dir, TWO_SCENES, spec.replace("budget: 0.70", "budget: 2.00"),
                    Map.of("RUNWAYML_API_SECRET", RunwayFake.KEY)).assertFinished();
            assertThat(fake.requests("POST", "/v1/image_to_video")).hasSize(2); // only the missing clip
            JsonNode cost = finished.report().path("cost");
            assertThat(cost.path("budget").asDouble()).isEqualTo(2.0);
            assertThat(cost.path("actual").asDouble()).isPositive().isLessThanOrEqualTo(2.0);
            // This run made one clip; what it reserved (the router's whole-second estimate) covers what it was charged.
            assertThat(cost.path("by_vendor").path("runway").path("calls").asInt()).isEqualTo(1);
            assertThat(cost.path("by_vendor").path("runway").path("actual").asDouble()).isPositive()
                    .isLessThanOrEqualTo(cost.path("by_vendor").path("runway").path("estimated").asDouble());
            // The printed summary says the same: spent against expected, the budget, and per vendor.
            var report = dev.reelwright.core.json.Json.json().readValue(finished.out().resolve("report.json").toFile(),
                    dev.reelwright.core.pipeline.Report.class);
            assertThat(dev.reelwright.cli.command.MakeCommand.summary(report)).contains("spent $", "expected (budget $2.00)", "runway $",
                    "in 1 calls");
        }
    }

    @Test
    void aShotLongerThanTheModelsLongestClipIsChained(@TempDir Path dir) throws IOException {
        try (FakeServer fake = new FakeServer()) {
            servesClips(fake, dir);
            // gen4.5 makes at most 10 s: a 14 s scene is two clips, the second started from the first one's last frame.
            String longScene = """
                    [visual: a long slow pan across a harbour at dusk]
                    The harbour is quiet now. The boats are tied up, the nets are drying, the gulls have gone to sleep,
                    and the keeper walks the long pier one more time, slowly, listening to the water under the boards.
                    """;
            VendorMake.Made made = VendorMake.make(dir, longScene, """
                    models: {clips: runway/gen4.5}
                    candidates_per_shot: 1
                    min_scene_seconds: 12
                    """ + runway(fake), Map.of("RUNWAYML_API_SECRET", RunwayFake.KEY)).assertFinished();

            List<FakeServer.Recorded> posts = fake.requests("POST", "/v1/image_to_video");
            assertThat(posts).hasSize(2);
            assertThat(posts.get(0).json().path("duration").asInt()).isEqualTo(10);
            String secondStart = posts.get(1).json().path("promptImage").asText();
            assertThat(secondStart).isNotEqualTo(posts.get(0).json().path("promptImage").asText()); // not the keyframe again
            assertThat(made.cachedResults("chain")).hasSize(1);
            assertThat(made.report().path("scenes").get(0).path("routing").get(0).asText()).contains("1 stitch");
            assertThat(Files.exists(made.out().resolve("video.mp4"))).isTrue();
        }
    }
}
