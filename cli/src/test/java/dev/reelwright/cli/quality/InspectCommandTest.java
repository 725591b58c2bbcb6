package dev.reelwright.cli.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.cli.command.InspectCommand;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.quality.Artifact;
import dev.reelwright.media.quality.QualityTestSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reelwright inspect}: the table, JSON, evidence, thresholds and expectations, and bad input. */
class InspectCommandTest {
    @TempDir
    static Path dir;

    private static Path clean;
    private static Path flicker;
    private static QualityTestSet.LabelledClip figure;
    private static QualityTestSet.LabelledClip otherFigure;

    @BeforeAll
    static void clips() {
        QualityTestSet.Settings settings = new QualityTestSet.Settings(640, 360, 30, 2.0);
        clean = QualityTestSet.clean(dir, QualityTestSet.Kind.PAN_SHAPES, 2, settings).file();
        flicker = QualityTestSet.injected(dir, Artifact.FLICKER, QualityTestSet.Strength.STRONG, 2, settings).file();
        // A figure's shot, and another figure's shot of the same scene: both with the first figure's keyframe as reference.
        figure = QualityTestSet.clean(dir, QualityTestSet.Kind.STATIC_FIGURE, 2, settings);
        otherFigure = QualityTestSet.acrossClips(dir, 2, settings);
    }

    @Test
    void printsATableWithVerdictsAndScores() {
        QualityCli result = QualityCli.run(new InspectCommand(), clean.toString(), flicker.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("clip", "verdict", "failing", "flicker", "teleport", "morph", "ghost", "text", "subject", "frames/s");
        assertThat(result.out().lines().filter(line -> line.startsWith(clean.getFileName().toString())))
                .singleElement().satisfies(line -> assertThat(line).contains("accept"));
        assertThat(result.out().lines().filter(line -> line.startsWith(flicker.getFileName().toString())))
                .singleElement().satisfies(line -> assertThat(line).contains("reject").contains("flicker"));
        assertThat(result.out()).contains("1 of 2 clips accepted");
    }

    @Test
    void printsJsonAndWritesEvidence(@TempDir Path evidence) throws IOException {
        QualityCli result = QualityCli.run(new InspectCommand(), "--json", "--evidence", evidence.toString(), flicker.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = Json.json().readTree(result.out());
        assertThat(json.get("rejected").asInt()).isEqualTo(1);
        JsonNode report = json.get("reports").get(0);
        assertThat(report.get("failing").asText()).isEqualTo("flicker");
        assertThat(report.get("scores").get("flicker").asDouble()).isLessThan(0.5);
        JsonNode proof = null;
        for (JsonNode e : report.get("evidence")) if (e.get("artifact").asText().equals("flicker")) proof = e;
        assertThat(proof).isNotNull();
        assertThat(evidence.resolve(proof.get("frame_pair_a").asText())).isRegularFile();
        assertThat(evidence.resolve(proof.get("frame_pair_b").asText())).isRegularFile();
        try (Stream<Path> files = Files.list(evidence)) {
            assertThat(files.filter(f -> f.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aReferenceImageAppliesToEveryClipAndShowsInTheSubjectColumn() throws IOException {
        assertThat(otherFigure.reference()).hasSameBinaryContentAs(figure.reference());
        String reference = figure.reference().toString();
        QualityCli table = QualityCli.run(new InspectCommand(), "--reference", reference, figure.file().toString(), otherFigure.file().toString());
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("subject");
        assertThat(table.out().lines().filter(line -> line.startsWith(figure.file().getFileName().toString())))
                .singleElement().satisfies(line -> assertThat(line).contains("accept"));
        assertThat(table.out().lines().filter(line -> line.startsWith(otherFigure.file().getFileName().toString())))
                .singleElement().satisfies(line -> assertThat(line).contains("reject").contains("subject_drift"));
        assertThat(table.out()).contains("1 of 2 clips accepted");

        QualityCli json = QualityCli.run(new InspectCommand(), "--json", "--reference", reference, otherFigure.file().toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode report = Json.json().readTree(json.out()).get("reports").get(0);
        assertThat(report.get("failing").asText()).isEqualTo("subject_drift");
        assertThat(report.get("scores").get("subject_drift").asDouble()).isLessThan(0.5);

        // Without the reference the other figure's shot is consistent in itself.
        QualityCli alone = QualityCli.run(new InspectCommand(), "--json", otherFigure.file().toString());
        assertThat(Json.json().readTree(alone.out()).get("reports").get(0).get("scores").get("subject_drift").asDouble()).isGreaterThan(0.5);

        QualityCli missing = QualityCli.run(new InspectCommand(), "--reference", dir.resolve("nope.png").toString(), figure.file().toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--reference").contains("nope.png");
    }

    @Test
    void thresholdsFromAFileChangeTheVerdict() throws IOException {
        Path lenient = Files.writeString(dir.resolve("lenient.json"), "{\"flicker\": 0.0}");
        QualityCli result = QualityCli.run(new InspectCommand(), "--thresholds", lenient.toString(), flicker.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("1 of 1 clips accepted");
    }

    @Test
    void expectationsReportAFormatMismatch() {
        QualityCli result = QualityCli.run(new InspectCommand(), "--expect-size", "1920x1080", "--expect-seconds", "2", clean.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("reject").contains("format").contains("expected 1920x1080");
    }

    @Test
    void missingOrUndecodableFilesExitTwoNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing.mp4");
        QualityCli gone = QualityCli.run(new InspectCommand(), clean.toString(), missing.toString());
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).startsWith("reelwright: ").contains(missing.toString());
        assertThat(gone.out()).isEmpty();

        Path garbage = Files.writeString(dir.resolve("garbage.mp4"), "no video here");
        QualityCli broken = QualityCli.run(new InspectCommand(), garbage.toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).contains(garbage.toString());

        Path badKey = Files.writeString(dir.resolve("bad.json"), "{\"wobble\": 0.5}");
        QualityCli thresholds = QualityCli.run(new InspectCommand(), "--thresholds", badKey.toString(), clean.toString());
        assertThat(thresholds.exitCode()).isEqualTo(2);
        assertThat(thresholds.err()).contains(badKey.toString()).contains("wobble");

        QualityCli badSize = QualityCli.run(new InspectCommand(), "--expect-size", "big", clean.toString());
        assertThat(badSize.exitCode()).isEqualTo(2);
        assertThat(badSize.err()).contains("--expect-size");
    }

    @Test
    void jsonFailuresAreOneObject() throws IOException {
        QualityCli result = QualityCli.run(new InspectCommand(), "--json", dir.resolve("nope.mp4").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        JsonNode json = Json.json().readTree(result.out());
        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("exit_code").asInt()).isEqualTo(2);
    }
}
