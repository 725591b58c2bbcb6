package dev.reelwright.media.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.Evidence;
import dev.reelwright.core.quality.QualityExpectations;
import dev.reelwright.core.quality.QualityReport;
import dev.reelwright.core.quality.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inspector on small generated clips (640x360, 3 s): each artifact at medium strength is rejected for that
 * artifact, every clean clip and hard negative is accepted, black and frozen clips are rejected, format expectations
 * are checked, and evidence frames are written when asked.
 */
class QualityInspectorTest {
    @TempDir
    static Path dir;

    private static final QualityTestSet.Settings SETTINGS = QualityTestSet.Settings.DEFAULT;
    private static final OpenCvQualityInspector INSPECTOR = new OpenCvQualityInspector();
    private static final Map<QualityTestSet.Kind, QualityTestSet.LabelledClip> CLEAN = new EnumMap<>(QualityTestSet.Kind.class);
    private static final Map<Artifact, QualityTestSet.LabelledClip> INJECTED = new EnumMap<>(Artifact.class);
    private static QualityTestSet.LabelledClip black;
    private static QualityTestSet.LabelledClip frozen;

    @BeforeAll
    static void generate() {
        List<Callable<QualityTestSet.LabelledClip>> jobs = new ArrayList<>();
        for (QualityTestSet.Kind kind : QualityTestSet.Kind.values()) jobs.add(() -> QualityTestSet.clean(dir, kind, 1, SETTINGS));
        for (Artifact artifact : QualityTestSet.injectable()) jobs.add(() -> QualityTestSet.injected(dir, artifact, QualityTestSet.Strength.MEDIUM, 1, SETTINGS));
        jobs.add(() -> QualityTestSet.black(dir, SETTINGS));
        jobs.add(() -> QualityTestSet.frozen(dir, 1, SETTINGS));
        for (QualityTestSet.LabelledClip clip : QualityTestSet.runAll(jobs)) {
            if (clip.artifact() == Artifact.BLACK) black = clip;
            else if (clip.artifact() == Artifact.FROZEN) frozen = clip;
            else if (clip.clean()) CLEAN.put(clip.kind(), clip);
            else INJECTED.put(clip.artifact(), clip);
        }
    }

    static List<Artifact> injectable() {
        return QualityTestSet.injectable();
    }

    @ParameterizedTest
    @MethodSource("injectable")
    void eachArtifactAtMediumStrengthIsRejectedForThatArtifact(Artifact artifact) {
        QualityReport report = INSPECTOR.inspect(INJECTED.get(artifact).file(), null, null);
        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.REJECT);
        assertThat(report.failing()).as(report.toString()).isEqualTo(artifact.label());
        assertThat(report.score(artifact)).isLessThan(0.5);
        assertThat(report.evidence()).anySatisfy(e -> assertThat(e.artifact()).isEqualTo(artifact));
    }

    @ParameterizedTest
    @EnumSource(QualityTestSet.Kind.class)
    void cleanClipsAndHardNegativesAreAccepted(QualityTestSet.Kind kind) {
        QualityReport report = INSPECTOR.inspect(CLEAN.get(kind).file(), null, null);
        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.ACCEPT);
        assertThat(report.failing()).isNull();
        assertThat(report.framesAnalysed()).isEqualTo(SETTINGS.frames());
        assertThat(report.scores()).containsOnlyKeys(Artifact.values());
    }

    @Test
    void blackAndFrozenClipsAreRejected() {
        QualityReport dark = INSPECTOR.inspect(black.file(), null, null);
        assertThat(dark.failing()).isEqualTo("black");
        assertThat(dark.score(Artifact.BLACK)).isZero();
        QualityReport still = INSPECTOR.inspect(frozen.file(), null, null);
        assertThat(still.failing()).isEqualTo("frozen");
        assertThat(still.score(Artifact.FROZEN)).isLessThan(0.1);
        assertThat(still.score(Artifact.BLACK)).isEqualTo(1.0);
    }

    @Test
    void formatIsCheckedAgainstExpectations() {
        Path clip = CLEAN.get(QualityTestSet.Kind.PAN_SHAPES).file();
        QualityReport right = INSPECTOR.inspect(clip, QualityExpectations.of(SETTINGS.width(), SETTINGS.height(), SETTINGS.seconds()), null);
        assertThat(right.score(Artifact.FORMAT)).isEqualTo(1.0);
        assertThat(right.accepted()).isTrue();

        QualityReport wrongSize = INSPECTOR.inspect(clip, QualityExpectations.size(1920, 1080), null);
        assertThat(wrongSize.failing()).isEqualTo("format");
        assertThat(wrongSize.evidence()).filteredOn(e -> e.artifact() == Artifact.FORMAT)
                .singleElement().satisfies(e -> assertThat(e.note()).contains("640x360").contains("1920x1080"));

        QualityReport tooShort = INSPECTOR.inspect(clip, new QualityExpectations(null, null, 5.0), null);
        assertThat(tooShort.score(Artifact.FORMAT)).isLessThan(0.5);
        assertThat(tooShort.failing()).isEqualTo("format");
    }

    @Test
    void evidenceFramesAreWrittenWhenAsked(@TempDir Path evidence) {
        QualityReport report = INSPECTOR.inspect(INJECTED.get(Artifact.TELEPORTATION).file(), null, evidence);
        Evidence jump = report.evidence().stream().filter(e -> e.artifact() == Artifact.TELEPORTATION).findFirst().orElseThrow();
        assertThat(jump.framePairA()).isNotNull().endsWith(".png");
        assertThat(jump.framePairB()).isNotNull().isNotEqualTo(jump.framePairA());
        assertThat(evidence.resolve(jump.framePairA())).isRegularFile();
        assertThat(evidence.resolve(jump.framePairB())).isRegularFile();
        assertThat(jump.from()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(jump.to());
        assertThat(jump.to()).isLessThanOrEqualTo(SETTINGS.seconds());

        QualityReport without = INSPECTOR.inspect(INJECTED.get(Artifact.TELEPORTATION).file(), null, null);
        assertThat(without.evidence()).allSatisfy(e -> assertThat(e.framePairA()).isNull());
        assertThat(without.scores()).isEqualTo(report.scores());
    }

    @Test
    void missingAndUndecodableFilesAreInputErrorsNamingTheFile() throws IOException {
        Path missing = dir.resolve("nope.mp4");
        assertThatThrownBy(() -> INSPECTOR.inspect(missing, null, null)).isInstanceOf(InputException.class).hasMessageContaining(missing.toString());
        Path garbage = Files.writeString(dir.resolve("garbage.mp4"), "not a video at all");
        assertThatThrownBy(() -> INSPECTOR.inspect(garbage, null, null)).isInstanceOf(InputException.class).hasMessageContaining(garbage.toString());
    }

    @Test
    void reportsSerialiseWithLowerCaseNames() throws IOException {
        QualityReport report = INSPECTOR.inspect(INJECTED.get(Artifact.FLICKER).file(), null, null);
        JsonNode json = Json.json().readTree(Json.toJson(report));
        assertThat(json.get("verdict").asText()).isEqualTo("reject");
        assertThat(json.get("failing").asText()).isEqualTo("flicker");
        assertThat(json.get("scores").has("ghost_limbs")).isTrue();
        assertThat(json.get("frames_analysed").asInt()).isEqualTo(SETTINGS.frames());
        assertThat(json.get("evidence").get(0).get("artifact").asText()).isNotBlank();
    }
}
