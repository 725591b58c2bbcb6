package dev.reelwright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwright.core.json.Json;
import dev.reelwright.media.MediaProbe;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Makes a real video through the CLI and checks it by decoding what was written. */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MakeEndToEndTest {
    private static final String SCRIPT = """
            # Harbour Lights

            ## Dawn
            [visual: a lighthouse on a cliff at dawn over a calm sea]
            Every morning, Ada climbs one hundred steps.

            ## Storm
            [visual: dark storm clouds and lightning over the ocean at night]
            Some nights the storm comes fast, and the waves roar.

            ## Harbour
            [visual: wide view of a harbour town at sunset with boats]
            In the harbour, families wait for the light.
            """;

    @TempDir
    static Path dir;

    Path out;
    CliRunner first;
    JsonNode storyboard;
    MediaProbe.Info info;

    @BeforeAll
    void makeOnce() throws IOException {
        Path script = Files.writeString(dir.resolve("harbour.md"), SCRIPT);
        Files.writeString(dir.resolve("production.yaml"), "resolution: 720p\nbrand:\n  title_seconds: 1.5\n");
        out = dir.resolve("out");
        first = CliRunner.run("make", script.toString(), "--out", out.toString(), "--json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        storyboard = Json.json().readTree(out.resolve("storyboard.json").toFile());
        info = MediaProbe.probe(out.resolve("video.mp4"));
    }

    @Test
    @Order(1)
    void writesEveryPromisedFileAndOneJsonObject() throws IOException {
        for (String name : List.of("video.mp4", "captions.srt", "captions.vtt", "storyboard.json", "poster.jpg", "report.json")) {
            assertThat(out.resolve(name)).isNotEmptyFile();
        }
        JsonNode printed = Json.json().readTree(first.out());
        assertThat(printed.get("status").asText()).isEqualTo("complete");
        JsonNode report = Json.json().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("scenes")).hasSize(3);
        assertThat(report.get("timings").has("assemble")).isTrue();
        BufferedImage poster = ImageIO.read(out.resolve("poster.jpg").toFile());
        assertThat(poster.getWidth()).isEqualTo(1280);
        assertThat(poster.getHeight()).isEqualTo(720);
    }

    @Test
    @Order(2)
    void theVideoIsBrowserReadyH264AndAacAtTheAspectsSize() {
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.pixelFormat()).isEqualTo("yuv420p");
        assertThat(info.audioCodec()).isEqualTo("aac");
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.height()).isEqualTo(720);
        assertThat(info.fps()).isCloseTo(30, within(0.01));
        assertThat(MediaProbe.isFaststart(out.resolve("video.mp4"))).isTrue();
    }

    @Test
    @Order(3)
    void durationEqualsTheStoryboardWithinOneFrame() {
        double total = storyboard.get("title_card").get("seconds").asDouble();
        for (JsonNode scene : storyboard.get("scenes")) total += scene.get("seconds").asDouble();
        assertThat(info.videoSeconds()).isCloseTo(total, within(1 / 30.0));
        assertThat(info.seconds()).isCloseTo(total, within(1 / 30.0));
        assertThat(info.audioSeconds()).isCloseTo(total, within(1 / 30.0));
    }

    @Test
    @Order(4)
    void narrationIsAudibleInEverySceneAndTheTitleCardIsQuiet() {
        double titleSeconds = storyboard.get("title_card").get("seconds").asDouble();
        assertThat(MediaProbe.audioRms(out.resolve("video.mp4"), 0.1, titleSeconds - 0.1)).isLessThan(0.003);
        double start = titleSeconds;
        for (JsonNode scene : storyboard.get("scenes")) {
            double seconds = scene.get("seconds").asDouble();
            double rms = MediaProbe.audioRms(out.resolve("video.mp4"), start + 0.5, start + seconds - 0.7);
            assertThat(rms).as("speech in " + scene.get("id").asText()).isGreaterThan(0.02);
            start += seconds;
        }
    }

    @Test
    @Order(5)
    void everySceneLooksDifferentFromItsNeighboursAndMoves() {
        double start = storyboard.get("title_card").get("seconds").asDouble();
        List<BufferedImage> middles = new ArrayList<>();
        middles.add(MediaProbe.frameAt(out.resolve("video.mp4"), start / 2)); // the title card
        for (JsonNode scene : storyboard.get("scenes")) {
            double seconds = scene.get("seconds").asDouble();
            BufferedImage early = MediaProbe.frameAt(out.resolve("video.mp4"), start + 0.7);
            BufferedImage late = MediaProbe.frameAt(out.resolve("video.mp4"), start + seconds - 0.1);
            middles.add(MediaProbe.frameAt(out.resolve("video.mp4"), start + seconds / 2));
            assertThat(lumaSpread(early)).as("not black or flat in " + scene.get("id").asText()).isGreaterThan(10);
            assertThat(meanAbsoluteDifference(early, late)).as("camera moves in " + scene.get("id").asText()).isGreaterThan(2);
            start += seconds;
        }
        for (int i = 1; i < middles.size(); i++) {
            assertThat(meanAbsoluteDifference(middles.get(i - 1), middles.get(i))).as("segment %d vs %d", i - 1, i).isGreaterThan(12);
        }
    }

    @Test
    @Order(6)
    void captionsAreMonotonicInsideTheAudioAndMatchTheNarration() throws IOException {
        List<double[]> times = new ArrayList<>();
        List<String> captionWords = new ArrayList<>();
        Matcher cue = Pattern.compile("(\\d+)\\n(\\d\\d):(\\d\\d):(\\d\\d),(\\d{3}) --> (\\d\\d):(\\d\\d):(\\d\\d),(\\d{3})\\n((?:.+\\n)+)")
                .matcher(Files.readString(out.resolve("captions.srt")));
        while (cue.find()) {
            times.add(new double[] {seconds(cue, 2), seconds(cue, 6)});
            assertThat(cue.group(10).strip().lines().count()).isBetween(1L, 2L);
            captionWords.addAll(Arrays.asList(cue.group(10).strip().split("\\s+")));
        }
        assertThat(times).isNotEmpty();
        for (int i = 0; i < times.size(); i++) {
            assertThat(times.get(i)[1]).isGreaterThan(times.get(i)[0]);
            assertThat(times.get(i)[1]).isLessThanOrEqualTo(info.audioSeconds() + 0.001);
            if (i > 0) assertThat(times.get(i)[0]).isGreaterThanOrEqualTo(times.get(i - 1)[1]);
        }
        List<String> narration = new ArrayList<>();
        for (JsonNode scene : storyboard.get("scenes")) narration.addAll(Arrays.asList(scene.get("narration").asText().split("\\s+")));
        assertThat(captionWords).containsExactlyElementsOf(narration);
        assertThat(Files.readString(out.resolve("captions.vtt"))).startsWith("WEBVTT").contains("Every morning, Ada");
    }

    @Test
    @Order(7)
    void captionsAreBurnedIntoTheBottomOfTheFrame() throws IOException {
        Matcher first = Pattern.compile("(\\d\\d):(\\d\\d):(\\d\\d),(\\d{3}) --> (\\d\\d):(\\d\\d):(\\d\\d),(\\d{3})")
                .matcher(Files.readString(out.resolve("captions.srt")));
        assertThat(first.find()).isTrue();
        double from = seconds(first, 1);
        double to = seconds(first, 5);
        BufferedImage withCaption = MediaProbe.frameAt(out.resolve("video.mp4"), (from + to) / 2);
        BufferedImage before = MediaProbe.frameAt(out.resolve("video.mp4"), from - 0.15);
        int bottom = (int) (withCaption.getHeight() * 0.75);
        // White caption text adds bright pixels to the lower quarter that the frame just before lacks.
        assertThat(brightPixels(withCaption, bottom)).isGreaterThan(brightPixels(before, bottom) + 500);
    }

    @Test
    @Order(8)
    void editingOneSceneRerendersOnlyThatSceneAndTheAssembly() throws IOException {
        Path storyboardFile = out.resolve("storyboard.json");
        ObjectNode edited = (ObjectNode) Json.json().readTree(storyboardFile.toFile());
        ((ObjectNode) edited.get("scenes").get(1)).put("narration", "Some nights the storm comes fast.");
        Files.writeString(storyboardFile, Json.json().writeValueAsString(edited));

        CliRunner again = CliRunner.run("make", storyboardFile.toString(), "--out", out.toString(), "--quiet");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).isEmpty();
        JsonNode report = Json.json().readTree(out.resolve("report.json").toFile());
        List<String> rerun = new ArrayList<>();
        for (JsonNode step : report.get("steps").get("all")) {
            if (!step.get("reused").asBoolean()) {
                rerun.add(step.get("kind").asText() + ":" + (step.hasNonNull("scene") ? step.get("scene").asText() : "-"));
            }
        }
        assertThat(rerun).containsExactlyInAnyOrder("voice:scene-02", "clip:scene-02", "assembly:-");
        assertThat(report.get("steps").get("reused").asInt()).isEqualTo(7); // 2 scenes x 3 steps + scene-02's keyframe
        assertThat(MediaProbe.probe(out.resolve("video.mp4")).videoSeconds()).isLessThan(info.videoSeconds());
    }

    @Test
    @Order(9)
    void planningIsACachedStepSoTheSameScriptIsNeverPlannedOrPaidForTwice() throws IOException {
        JsonNode firstReport = Json.json().readTree(first.out());
        assertThat(firstReport.get("steps").get("all").findValuesAsText("kind")).contains("plan");
        // Back to the script after editing the storyboard: the cached plan and every step of the first run come back.
        CliRunner again = CliRunner.run("make", dir.resolve("harbour.md").toString(), "--out", out.toString(), "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode report = Json.json().readTree(again.out());
        assertThat(report.get("steps").get("run").asInt()).isZero();
        JsonNode plan = report.get("steps").get("all").get(0);
        assertThat(plan.get("kind").asText()).isEqualTo("plan");
        assertThat(plan.get("reused").asBoolean()).isTrue();
    }

    @Test
    void portraitAndSquareHaveTheirSizes() throws IOException {
        Path script = Files.writeString(dir.resolve("short.md"), "[visual: a red barn in a snowy field]\nHello from the farm.\n");
        for (String[] aspect : List.of(new String[] {"9:16", "720", "1280"}, new String[] {"1:1", "720", "720"})) {
            Path target = dir.resolve("out-" + aspect[0].replace(':', 'x'));
            CliRunner result = CliRunner.run("make", script.toString(), "--aspect", aspect[0], "--resolution", "720p",
                    "--out", target.toString(), "--quiet");
            assertThat(result.exitCode()).as(result.err()).isZero();
            MediaProbe.Info probe = MediaProbe.probe(target.resolve("video.mp4"));
            assertThat(probe.width()).as(aspect[0]).isEqualTo(Integer.parseInt(aspect[1]));
            assertThat(probe.height()).as(aspect[0]).isEqualTo(Integer.parseInt(aspect[2]));
        }
    }

    @Test
    void planAndEstimatePrintTheScenes() throws IOException {
        Path script = Files.writeString(dir.resolve("plan.md"), SCRIPT);
        CliRunner plan = CliRunner.run("plan", script.toString(), "--out", dir.resolve("planned").toString());
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("scene-01", "scene-03", "3 scenes");
        assertThat(dir.resolve("planned/storyboard.json")).isNotEmptyFile();
        CliRunner estimate = CliRunner.run("estimate", dir.resolve("planned/storyboard.json").toString());
        assertThat(estimate.exitCode()).as(estimate.err()).isZero();
        assertThat(estimate.out()).contains("scene-02", "total $0.00", "per finished minute");
    }

    private static double seconds(Matcher m, int group) {
        return Integer.parseInt(m.group(group)) * 3600 + Integer.parseInt(m.group(group + 1)) * 60
                + Integer.parseInt(m.group(group + 2)) + Integer.parseInt(m.group(group + 3)) / 1000.0;
    }

    /** Standard deviation of luma: near zero for a black or flat frame, large for a picture. */
    private static double lumaSpread(BufferedImage image) {
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                double luma = ((rgb >> 16 & 255) * 299 + (rgb >> 8 & 255) * 587 + (rgb & 255) * 114) / 1000.0;
                sum += luma;
                squares += luma * luma;
                count++;
            }
        }
        double mean = sum / count;
        return Math.sqrt(Math.max(0, squares / count - mean * mean));
    }

    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        long count = 0;
        for (int y = 0; y < a.getHeight(); y += 2) {
            for (int x = 0; x < a.getWidth(); x += 2) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 255) - (q >> 16 & 255)) + Math.abs((p >> 8 & 255) - (q >> 8 & 255)) + Math.abs((p & 255) - (q & 255));
                count += 3;
            }
        }
        return sum / (double) count;
    }

    private static int brightPixels(BufferedImage image, int fromRow) {
        int count = 0;
        for (int y = fromRow; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if ((rgb >> 16 & 255) > 235 && (rgb >> 8 & 255) > 235 && (rgb & 255) > 235) count++;
            }
        }
        return count;
    }

}
