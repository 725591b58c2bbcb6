package dev.reelwright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.remote.Sleeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'reelwright estimate': the router's choice per shot with its reason, the cost lines, the totals and the budget check. */
class EstimateCommandTest {
    /** A presenter (6 s), a 20 s coast that must be chained, and an orbit (6 s), after a 2 s title card: 34 s. */
    private static final String STORYBOARD = """
            {"version": 1, "title": "Demo", "title_card": {"text": "Demo", "seconds": 2}, "scenes": [
              {"id": "talk", "narration": "Welcome, I am your host for today.", "visual": "A presenter speaks to camera in a studio",
               "camera": "static", "mood": "calm", "seconds": 6, "seed": 1},
              {"id": "coast", "narration": "The coast runs on for miles.", "visual": "A rocky coast at dawn", "camera": "crane_up",
               "mood": "calm", "seconds": 20, "seed": 2},
              {"id": "statue", "narration": "", "visual": "A bronze statue in a plaza", "camera": "orbit", "mood": "calm",
               "seconds": 6, "seed": 3}]}
            """;
    private static final Map<String, String> FAL_AND_RUNWAY = Map.of("FAL_KEY", "fal-test-key", "RUNWAYML_API_SECRET", "rw-test-key");

    @TempDir
    Path dir;
    Path storyboard;

    @BeforeEach
    void writeStoryboard() throws IOException {
        storyboard = Files.writeString(dir.resolve("storyboard.json"), STORYBOARD);
    }

    private static Environment env(Map<String, String> variables) {
        return new Environment(variables, Clock.systemUTC(), Sleeper.REAL);
    }

    private CliRunner estimate(Map<String, String> variables, String yaml, String... more) throws IOException {
        Path spec = Files.writeString(dir.resolve("production.yaml"), yaml);
        String[] args = new String[3 + more.length];
        args[0] = "estimate";
        args[1] = storyboard.toString();
        args[2] = "--spec=" + spec;
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRunner.run(env(variables), args);
    }

    private static String row(String out, String scene) {
        return out.lines().filter(l -> l.startsWith(scene + " ")).findFirst().orElseThrow(() -> new AssertionError(scene + ":\n" + out));
    }

    @Test
    void withoutAClipModelEveryShotIsTheFreeEmbeddedRendererEvenWithKeysSet() throws IOException {
        CliRunner result = estimate(FAL_AND_RUNWAY, "title: Demo\n");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(row(result.out(), "coast")).contains("local/camera-move", "$0.00", "models.clips not set -> embedded local/camera-move (free)");
        assertThat(result.out()).contains("keyframes: 3 x local/procedural-keyframe at $0.00 = $0.00", "total $0.00 expected, $0.00 worst case",
                "for 34.0 s: $0.00 per finished minute");
    }

    @Test
    void autoRoutesEachShotAndPricesItFromTheCatalog() throws IOException {
        CliRunner result = estimate(FAL_AND_RUNWAY, """
                models: {clips: auto, lip_sync: auto}
                policy: quality
                resolution: 720p
                candidate_strategy: fixed
                candidates_per_shot: 2
                """);

        assertThat(result.exitCode()).as(result.err()).isZero();
        String out = result.out();
        assertThat(out.lines().findFirst().orElseThrow()).contains("shot", "seconds", "model", "clips", "candidates", "unit price", "expected",
                "worst case", "why");
        // Lip sync: 6 s at $0.115/s. Orbit: Runway, 6 s at $0.12/s. The 20 s crane: two 10 s Runway clips, one stitch.
        assertThat(row(out, "talk")).contains("fal/kling-avatar-v2-pro", "$0.69", "$1.38", "lip sync needed -> fal/kling-avatar-v2-pro");
        assertThat(row(out, "statue")).contains("runway/gen4.5", "$0.72", "$1.44", "orbit camera -> runway/gen4.5");
        assertThat(row(out, "coast")).contains("runway/gen4.5", "  2  ", "$2.40", "$4.80", "crane up camera -> runway/gen4.5; 2 clips, 1 stitch");
        double total = 2 * (0.69 + 0.72 + 2.40);
        assertThat(out).contains(String.format("total $%.2f expected, $%.2f worst case", total, total),
                String.format("for 34.0 s: $%.2f per finished minute", total / (34 / 60.0)), "fixed: every candidate is made");
    }

    @Test
    void adaptiveCandidatesShowTheExpectedCountAndTheWorstCase() throws IOException {
        CliRunner result = estimate(Map.of("FAL_KEY", "k"), "models: {clips: fal/kling-v2.1-pro-i2v}\n");

        assertThat(result.exitCode()).as(result.err()).isZero();
        // 6 s is a 10 s clip at $0.09/s; 1 + 0.35 + ... + 0.35^5 = 1.5356 of the default 6 candidates.
        assertThat(row(result.out(), "talk")).contains("1.54 of 6", "$0.90", "$1.38", "$5.40",
                "pinned by production.yaml models.clips -> fal/kling-v2.1-pro-i2v");
        assertThat(result.out()).contains("probability 0.65");
    }

    @Test
    void theBudgetWarnsWhenOnlyTheWorstCasePassesItAndRefusesWhenTheExpectedCostDoes() throws IOException {
        // Expected: 3 shots x 1.5356 takes; worst case 6 takes each. Unit prices $0.90 (talk, statue) and $1.80 (coast: 10 + 10 s).
        double expected = (1 - Math.pow(0.35, 6)) / 0.65 * (0.90 + 1.80 + 0.90);
        double worst = 6 * (0.90 + 1.80 + 0.90);
        String pinned = "models: {clips: fal/kling-v2.1-pro-i2v}\n";

        CliRunner warned = estimate(Map.of("FAL_KEY", "k"), pinned + "budget: " + (expected + worst) / 2 + "\n");
        assertThat(warned.exitCode()).as(warned.err()).isZero();
        assertThat(warned.err()).contains(String.format("warning: the worst case $%.2f passes the budget", worst));

        CliRunner fits = estimate(Map.of("FAL_KEY", "k"), pinned + "budget: 100\n");
        assertThat(fits.exitCode()).isZero();
        assertThat(fits.out()).contains("budget $100.00: even the worst case fits");
        assertThat(fits.err()).isEmpty();

        CliRunner refused = estimate(Map.of("FAL_KEY", "k"), pinned + "budget: 2\n");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out()).contains("talk", "total $"); // the table is still shown
        assertThat(refused.err()).contains(String.format("production.yaml budget $2.00 is below the expected cost $%.2f (worst case $%.2f)",
                expected, worst));
    }

    @Test
    void noConfiguredVendorMeansTheEmbeddedRendererAndAMissingKeyIsNamed() throws IOException {
        CliRunner auto = estimate(Map.of(), "models: {clips: auto}\n");
        assertThat(auto.exitCode()).as(auto.err()).isZero();
        assertThat(row(auto.out(), "statue")).contains("local/camera-move", "no paid vendor configured -> embedded local/camera-move (free)");

        CliRunner pinned = estimate(Map.of(), "models: {clips: runway/gen4.5}\n");
        assertThat(pinned.exitCode()).isEqualTo(2);
        assertThat(pinned.err()).contains("production.yaml models.clips: runway/gen4.5 needs the environment variable RUNWAYML_API_SECRET");
    }

    @Test
    void aShotNoAllowedModelCanMakeIsBadInputNamingTheScene() throws IOException {
        CliRunner result = estimate(FAL_AND_RUNWAY, "models: {clips: auto, lip_sync: auto}\nvendors: {allow: [runway]}\n");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("scene talk: no clip model can make this shot", "lip sync");
    }

    @Test
    void jsonCarriesEveryShotsReasonAndFallbacks() throws IOException {
        CliRunner result = estimate(FAL_AND_RUNWAY, "models: {clips: auto}\npolicy: cost\n", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = Json.json().readTree(result.out());
        assertThat(json.path("status").asText()).isEqualTo("ok");
        JsonNode coast = json.path("shots").get(1);
        assertThat(coast.path("scene").asText()).isEqualTo("coast");
        assertThat(coast.path("reason").asText()).startsWith("cost policy -> cheapest that meets the shot");
        assertThat(coast.path("fallbacks").size()).isGreaterThan(1);
        assertThat(coast.path("fallbacks").get(coast.path("fallbacks").size() - 1).asText()).isEqualTo("local/camera-move");
        double lines = 0;
        for (JsonNode shot : json.path("shots")) lines += shot.path("unit_price").asDouble() * shot.path("expected_candidates").asDouble();
        assertThat(json.path("expected_total").asDouble()).isCloseTo(lines + json.path("keyframes").path("subtotal").asDouble()
                + json.path("audio").path("subtotal").asDouble(), within(1e-9));
    }
}
