package dev.reelwright.media.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.Evidence;
import dev.reelwright.core.quality.QualityExpectations;
import dev.reelwright.core.quality.QualityReport;
import dev.reelwright.core.quality.QualityThresholds;
import dev.reelwright.core.quality.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Subject consistency: drift injected at medium strength is caught against the clip's reference image and, without
 * one, against the clip's own opening; every clean clip and hard negative passes against its reference; another
 * figure's shot fails against the first figure's keyframe; a reference framed unlike the clip is compared by its
 * subject's colours.
 */
class QualitySubjectDriftTest {
    @TempDir
    static Path dir;

    private static final QualityTestSet.Settings SETTINGS = QualityTestSet.Settings.DEFAULT;
    private static final OpenCvQualityInspector INSPECTOR = new OpenCvQualityInspector();
    private static final Map<QualityTestSet.Kind, QualityTestSet.LabelledClip> CLEAN = new EnumMap<>(QualityTestSet.Kind.class);
    /** Medium drift by seed: seed 1 drifts a figure, seed 2 a prop. */
    private static final Map<Long, QualityTestSet.LabelledClip> DRIFT = new TreeMap<>();
    private static QualityTestSet.LabelledClip across;

    @BeforeAll
    static void generate() {
        List<Callable<QualityTestSet.LabelledClip>> jobs = new ArrayList<>();
        for (QualityTestSet.Kind kind : QualityTestSet.Kind.values()) jobs.add(() -> QualityTestSet.clean(dir, kind, 1, SETTINGS));
        for (long seed = 1; seed <= 2; seed++) {
            long s = seed;
            jobs.add(() -> QualityTestSet.injected(dir, Artifact.SUBJECT_DRIFT, QualityTestSet.Strength.MEDIUM, s, SETTINGS));
        }
        jobs.add(() -> QualityTestSet.acrossClips(dir, 1, SETTINGS));
        for (QualityTestSet.LabelledClip clip : QualityTestSet.runAll(jobs)) {
            if (clip.clean()) CLEAN.put(clip.kind(), clip);
            else if (clip.name().startsWith("across")) across = clip;
            else DRIFT.put(clip.seed(), clip);
        }
    }

    private static QualityReport inspect(QualityTestSet.LabelledClip clip, Path reference) {
        return INSPECTOR.inspect(clip.file(), reference == null ? null : QualityExpectations.reference(reference), null);
    }

    private static String note(QualityReport report) {
        return report.evidence().stream().filter(e -> e.artifact() == Artifact.SUBJECT_DRIFT).map(Evidence::note).findFirst().orElse("");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void mediumDriftIsCaughtAgainstTheReference(long seed) {
        QualityTestSet.LabelledClip clip = DRIFT.get(seed);
        QualityReport report = inspect(clip, clip.reference());
        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.REJECT);
        assertThat(report.failing()).as(report.toString()).isEqualTo("subject_drift");
        assertThat(report.score(Artifact.SUBJECT_DRIFT)).isLessThan(0.5);
        assertThat(note(report)).contains("reference registered");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void mediumDriftIsCaughtWithoutAReferenceAgainstTheClipsOpening(long seed) {
        QualityReport report = inspect(DRIFT.get(seed), null);
        assertThat(report.failing()).as(report.toString()).isEqualTo("subject_drift");
        assertThat(note(report)).contains("no reference");
    }

    @ParameterizedTest
    @EnumSource(QualityTestSet.Kind.class)
    void cleanClipsAndHardNegativesPassAgainstTheirReference(QualityTestSet.Kind kind) {
        QualityReport report = inspect(CLEAN.get(kind), CLEAN.get(kind).reference());
        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.ACCEPT);
        assertThat(report.score(Artifact.SUBJECT_DRIFT)).as(report.toString()).isGreaterThan(0.8);
    }

    @Test
    void anotherFiguresShotFailsAgainstTheFirstFiguresKeyframe() {
        QualityReport against = inspect(across, across.reference());
        assertThat(against.failing()).as(against.toString()).isEqualTo("subject_drift");
        assertThat(against.score(Artifact.SUBJECT_DRIFT)).isLessThan(0.5);
        // On its own the clip is consistent: it is the comparison across clips that fails.
        QualityReport alone = inspect(across, null);
        assertThat(alone.score(Artifact.SUBJECT_DRIFT)).as(alone.toString()).isGreaterThan(0.8);
    }

    /** A mirrored close crop of the keyframe: no registration, so the subject's colours are checked instead. */
    @Test
    void aReferenceFramedUnlikeTheClipIsComparedByItsSubjectsColours() {
        QualityTestSet.LabelledClip clip = CLEAN.get(QualityTestSet.Kind.STATIC_FIGURE);
        // Evidence for subject drift at any score, so the note says which comparison was made.
        OpenCvQualityInspector noting = new OpenCvQualityInspector(QualityThresholds.defaults().with(Artifact.SUBJECT_DRIFT, 1.0));
        QualityReport same = noting.inspect(clip.file(), QualityExpectations.reference(portrait(clip.reference(), "portrait-same.png")), null);
        assertThat(note(same)).as(same.toString()).contains("not registered");
        assertThat(same.score(Artifact.SUBJECT_DRIFT)).as(same.toString()).isGreaterThanOrEqualTo(0.5);

        // The same portrait of the first figure against the shot of another figure.
        QualityReport other = inspect(across, portrait(across.reference(), "portrait-first.png"));
        assertThat(note(other)).as(other.toString()).contains("not registered");
        assertThat(other.score(Artifact.SUBJECT_DRIFT)).as(other.toString()).isLessThan(0.5);
    }

    /** The reference mirrored and cropped to its middle two thirds around the figure's side: framed like a portrait. */
    private static Path portrait(Path reference, String name) {
        Path out = dir.resolve(name);
        try (Mat image = imread(reference.toString()); Mat mirrored = new Mat()) {
            flip(image, mirrored, 1);
            int w = mirrored.cols(), h = mirrored.rows();
            try (Rect box = new Rect(w / 6, h / 6, 2 * w / 3, 2 * h / 3); Mat crop = new Mat(mirrored, box)) {
                assertThat(imwrite(out.toString(), crop)).isTrue();
            }
        }
        return out;
    }

    @Test
    void evidenceShowsTheReferenceAndTheDriftedFrame(@TempDir Path evidence) {
        QualityTestSet.LabelledClip clip = DRIFT.get(1L);
        QualityReport report = INSPECTOR.inspect(clip.file(), QualityExpectations.reference(clip.reference()), evidence);
        Evidence drift = report.evidence().stream().filter(e -> e.artifact() == Artifact.SUBJECT_DRIFT).findFirst().orElseThrow();
        assertThat(evidence.resolve(drift.framePairA())).isRegularFile();
        assertThat(evidence.resolve(drift.framePairB())).isRegularFile();
        assertThat(drift.to()).isGreaterThan(drift.from()).isLessThanOrEqualTo(SETTINGS.seconds());
    }

    @Test
    void aMissingOrUnreadableReferenceIsAnInputErrorNamingIt() throws IOException {
        Path clip = CLEAN.get(QualityTestSet.Kind.PAN_SHAPES).file();
        Path missing = dir.resolve("no-such-reference.png");
        assertThatThrownBy(() -> INSPECTOR.inspect(clip, QualityExpectations.reference(missing), null))
                .isInstanceOf(InputException.class).hasMessageContaining(missing.toString());
        Path garbage = Files.writeString(dir.resolve("garbage.png"), "not an image");
        assertThatThrownBy(() -> INSPECTOR.inspect(clip, QualityExpectations.reference(garbage), null))
                .isInstanceOf(InputException.class).hasMessageContaining(garbage.toString());
    }
}
