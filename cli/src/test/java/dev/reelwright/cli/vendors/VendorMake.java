package dev.reelwright.cli.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.cli.CliRunner;
import dev.reelwright.cli.Environment;
import dev.reelwright.core.json.Json;
import dev.reelwright.media.MediaProbe;
import dev.reelwright.providers.testing.HarbourScript;
import dev.reelwright.providers.testing.TestContexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One {@code make} run in-process with vendors chosen in production.yaml and faked on loopback: writes the script and
 * the spec, runs the command with only the given environment (keys, no real process environment) and instant sleeps,
 * and reads back what a user would open: report.json, storyboard.json, captions.srt and the decoded video.
 */
final class VendorMake {
    /** One scene, one clip: the shape of a clip vendor's happy path. */
    static final String ONE_SCENE = "[visual: a lighthouse at dusk]\nThe keeper lights the lamp.\n";

    /** {@link HarbourScript#SCRIPT} as the Markdown a user writes. */
    static final String HARBOUR = """
            # The Harbour

            ## Dawn
            [visual: boats leaving at first light]
            Every morning, the harbour wakes before the town. Fishing boats slip out past the lighthouse.

            ## The market
            By eight, the catch is on ice at the market. Gulls argue over what falls.
            """;

    /**
     * What every test's production.yaml starts with: 720p (1280x720) and no title card, so scenes start at 0; the
     * subject check is off because the fake clips have nothing to do with the keyframe.
     */
    private static final String COMMON = """
            resolution: 720p
            brand:
              title_seconds: 0
            # The fake vendors serve a drifting gradient, not a clip made from the keyframe: no subject to keep.
            quality_thresholds: {subject_drift: 0}
            """;

    private VendorMake() {}

    /** The clip the fake video vendors return: 5 s of real H.264 at 640x360, 24 fps. */
    static byte[] clip(Path dir) {
        return TestClips.mp4(dir, 640, 360, 24, 5 * 24);
    }

    /** What {@code make} left behind. */
    record Made(CliRunner run, Path out, Map<String, String> environment) {
        JsonNode report() {
            return json(out.resolve("report.json"));
        }

        JsonNode storyboard() {
            return json(out.resolve("storyboard.json"));
        }

        String captions() {
            try {
                return Files.readString(out.resolve("captions.srt"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        MediaProbe.Info video() {
            return MediaProbe.probe(out.resolve("video.mp4"));
        }

        /** report.json's {@code providers.<seam>}: the catalog id and wire model that served it. */
        String provider(String seam) {
            return report().path("providers").path(seam).asText();
        }

        double stageCost(String stage) {
            return report().path("cost").path("by_stage").path(stage).asDouble();
        }

        /** The cached result of each step of {@code kind} (voice, keyframe, clip), as stored under out/cache. */
        List<JsonNode> cachedResults(String kind) {
            try (Stream<Path> files = Files.walk(out.resolve("cache").resolve(kind))) {
                return files.filter(f -> f.getFileName().toString().equals("result.json")).map(VendorMake::json).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The one file called {@code name} that the steps of {@code kind} wrote into the cache. */
        Path stepFile(String kind, String name) {
            try (Stream<Path> files = Files.walk(out.resolve("cache").resolve(kind))) {
                List<Path> found = files.filter(f -> f.getFileName().toString().equals(name)).toList();
                assertThat(found).as(kind + " steps' " + name).hasSize(1);
                return found.getFirst();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * storyboard.json is the planner's answer for {@link HarbourScript}: its title,
         * headings, narration, visuals, camera moves and moods (only the lengths are the speech's).
         */
        Made assertHarbourStoryboard(String dawnCamera, String dawnMood, String marketCamera, String marketMood) {
            JsonNode answer;
            try {
                answer = Json.json().readTree(HarbourScript.storyboard(dawnCamera, dawnMood, marketCamera, marketMood));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            JsonNode written = storyboard();
            assertThat(written.path("title").asText()).isEqualTo(answer.path("title").asText());
            assertThat(written.path("scenes")).hasSize(answer.path("scenes").size());
            for (int i = 0; i < answer.path("scenes").size(); i++) {
                JsonNode planned = answer.path("scenes").get(i);
                JsonNode scene = written.path("scenes").get(i);
                for (String field : List.of("heading", "narration", "visual", "camera", "mood")) {
                    assertThat(scene.path(field).asText()).as("scene %d %s", i, field).isEqualTo(planned.path(field).asText());
                }
            }
            return this;
        }

        /**
         * Exit 0; the MP4 decodes at the production's 1280x720 for as long as report.json says; and no key or token
         * from the environment appears in anything the run printed or wrote as text.
         */
        Made assertFinished() {
            assertThat(run.exitCode()).as(run.err()).isZero();
            MediaProbe.Info video = video();
            assertThat(video.width()).isEqualTo(1280);
            assertThat(video.height()).isEqualTo(720);
            assertThat(video.videoSeconds()).isGreaterThan(2).isCloseTo(report().at("/video/seconds").asDouble(), within(1 / 30.0));
            List<String> written = new ArrayList<>(List.of(run.out(), run.err()));
            try (Stream<Path> files = Files.walk(out)) {
                for (Path file : files.filter(f -> f.toString().matches(".*\\.(json|yaml|srt|vtt)$")).toList()) written.add(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            environment.forEach((name, value) -> {
                if (name.matches(".*(KEY|TOKEN|SECRET)")) assertThat(written).as(name).noneMatch(text -> text.contains(value));
            });
            return this;
        }
    }

    /** Runs {@code make script --spec production.yaml --out dir/out --quiet}; {@code spec} is added to the common lines. */
    static Made make(Path dir, String script, String spec, Map<String, String> environment) throws IOException {
        Path scriptFile = Files.writeString(dir.resolve("script.md"), script);
        Path specFile = Files.writeString(dir.resolve("production.yaml"), COMMON + spec);
        Path out = dir.resolve("out");
        CliRunner run = CliRunner.run(new Environment(environment, Clock.systemUTC(), new TestContexts.Recorder()),
                "make", scriptFile.toString(), "--spec", specFile.toString(), "--out", out.toString(), "--quiet");
        return new Made(run, out, environment);
    }

    private static JsonNode json(Path file) {
        try {
            return Json.json().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
