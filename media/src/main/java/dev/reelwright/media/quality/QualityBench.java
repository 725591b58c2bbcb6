package dev.reelwright.media.quality;

import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.QualityExpectations;
import dev.reelwright.core.quality.QualityInspector;
import dev.reelwright.core.quality.QualityReport;
import dev.reelwright.core.quality.QualityThresholds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures the inspector on the generated {@link QualityTestSet}: per artifact, the ROC AUC of its score on clips with
 * that artifact at medium strength against all clean clips (hard negatives included), the recall at the threshold at
 * each strength, the false-rejection rate on clean clips (rejected for any artifact), and the speed in frames per
 * second, on the set and on a 1080p clip. Every clip is inspected against its reference image (its clean first frame,
 * what its keyframe would be); subject drift is also measured without one (against the clip's own opening) and
 * across clips (another figure's shot against the first figure's keyframe). Each rejected clip the inspector's repair
 * offers to fix is repaired and inspected again, so the table also says how often a repair saves a paid take.
 */
public final class QualityBench {
    private QualityBench() {}

    /** What to run: the clips' settings, how many seeds of each case, whether to time a 1080p clip too. */
    public record Options(QualityTestSet.Settings settings, int seeds, boolean fullHd) {
        public static final Options DEFAULT = new Options(QualityTestSet.Settings.DEFAULT, 6, true);
    }

    /**
     * One artifact's row: AUC at medium strength, recall at the threshold for each strength, and of its clips that
     * were rejected (all strengths) how many the repair turned into accepted clips.
     */
    public record ArtifactRow(Artifact artifact, double auc, double recallWeak, double recallMedium, double recallStrong,
                              double rightReasonMedium, int positivesPerStrength, int rejected, int repaired) {
        /** The share of rejected clips a repair saved; NaN when none was rejected. */
        public double repairedShare() {
            return rejected == 0 ? Double.NaN : repaired / (double) rejected;
        }
    }

    public record ClipResult(QualityTestSet.LabelledClip clip, QualityReport report) {}

    /**
     * Subject drift beyond the main table: AUC and recall at medium strength with no reference image (each clip
     * against its own opening), and how many clips of another figure scored below the threshold against the first
     * figure's reference.
     */
    public record SubjectChecks(double aucWithoutReference, double recallMediumWithoutReference, int acrossCaught, int acrossClips,
                                List<String> acrossMissed) {}

    public record Result(List<ArtifactRow> rows, double falseRejection, int cleanClips, List<String> falselyRejected,
                         double framesPerSecond, double fullHdFramesPerSecond, int fullHdFrames, double generateSeconds,
                         SubjectChecks subject, List<ClipResult> clips) {
        /** The mission's five generation artifacts: the ones a rejected take is assumed to be spread over. */
        public static final List<Artifact> GENERATION_ARTIFACTS = List.of(Artifact.FLICKER, Artifact.TELEPORTATION, Artifact.MORPHING,
                Artifact.GHOST_LIMBS, Artifact.TEXT_CORRUPTION);

        /**
         * The share of rejections a repair saves if rejections are spread evenly over the five generation artifacts:
         * what {@code reelwright bench cost --repairable} takes.
         */
        public double repairableShare() {
            return rows.stream().filter(r -> GENERATION_ARTIFACTS.contains(r.artifact()))
                    .mapToDouble(r -> Double.isNaN(r.repairedShare()) ? 0 : r.repairedShare()).sum() / GENERATION_ARTIFACTS.size();
        }
    }

    /** Builds the set into {@code dir} (created; left for the caller to delete), inspects every clip and scores. */
    public static Result run(Path dir, Options options, QualityInspector inspector, QualityThresholds thresholds) {
        long started = System.nanoTime();
        List<QualityTestSet.LabelledClip> clips = QualityTestSet.build(dir, options.settings(), options.seeds(), EnumSet.allOf(QualityTestSet.Strength.class));
        List<java.util.concurrent.Callable<QualityTestSet.LabelledClip>> jobs = new ArrayList<>();
        for (int seed = 1; seed <= options.seeds(); seed++) {
            long s = seed;
            jobs.add(() -> QualityTestSet.acrossClips(dir, s, options.settings()));
        }
        List<QualityTestSet.LabelledClip> across = QualityTestSet.runAll(jobs);
        double generateSeconds = (System.nanoTime() - started) / 1e9;
        // One throwaway inspection warms the JIT and loads the natives, so speeds are steady-state.
        inspector.inspect(clips.get(0).file(), null, null);
        List<ClipResult> results = new ArrayList<>();
        double inspectSeconds = 0;
        long frames = 0;
        for (QualityTestSet.LabelledClip clip : clips) {
            QualityReport report = inspector.inspect(clip.file(), expectations(clip), null);
            results.add(new ClipResult(clip, report));
            inspectSeconds += report.seconds();
            frames += report.framesAnalysed();
        }
        List<ClipResult> clean = results.stream().filter(r -> r.clip().clean()).toList();
        List<String> falselyRejected = clean.stream().filter(r -> !r.report().accepted())
                .map(r -> r.clip().name() + " (" + r.report().failing() + ")").toList();
        Path repairs = dir.resolve("repairs");
        List<ArtifactRow> rows = new ArrayList<>();
        for (Artifact artifact : QualityTestSet.injectable()) {
            List<ClipResult> rejected = results.stream().filter(r -> r.clip().artifact() == artifact && !r.report().accepted()).toList();
            int repaired = (int) rejected.stream().filter(r -> repairs(r, inspector, thresholds, repairs)).count();
            List<Double> negatives = clean.stream().map(r -> r.report().score(artifact)).toList();
            List<ClipResult> medium = of(results, artifact, QualityTestSet.Strength.MEDIUM);
            List<Double> positives = medium.stream().map(r -> r.report().score(artifact)).toList();
            double rightReason = medium.stream().filter(r -> artifact.label().equals(r.report().failing())).count() / (double) Math.max(1, medium.size());
            rows.add(new ArtifactRow(artifact, auc(positives, negatives),
                    recall(of(results, artifact, QualityTestSet.Strength.WEAK), artifact, thresholds),
                    recall(medium, artifact, thresholds),
                    recall(of(results, artifact, QualityTestSet.Strength.STRONG), artifact, thresholds),
                    rightReason, medium.size(), rejected.size(), repaired));
        }
        SubjectChecks subject = subjectChecks(results, across, inspector, thresholds);
        double fullHdFps = 0;
        int fullHdFrames = 0;
        if (options.fullHd()) {
            QualityTestSet.Settings hd = new QualityTestSet.Settings(1920, 1080, 30, 5.0);
            Path file = QualityTestSet.render(dir.resolve("speed-1080p.mp4"), QualityTestSet.Kind.PAN_SHAPES, 1, hd);
            QualityReport first = inspector.inspect(file, null, null);
            QualityReport second = inspector.inspect(file, null, null);
            QualityReport best = first.seconds() < second.seconds() ? first : second;
            fullHdFps = best.framesPerSecond();
            fullHdFrames = best.framesAnalysed();
        }
        return new Result(rows, falselyRejected.size() / (double) Math.max(1, clean.size()), clean.size(), falselyRejected,
                frames / Math.max(1e-9, inspectSeconds), fullHdFps, fullHdFrames, generateSeconds, subject, results);
    }

    /** Whether the inspector's repair, if it offers one for this rejection, yields a clip that passes. */
    private static boolean repairs(ClipResult rejected, QualityInspector inspector, QualityThresholds thresholds, Path repairs) {
        var repairer = inspector.repairer().filter(r -> r.repairs(rejected.report(), thresholds));
        if (repairer.isEmpty()) return false;
        try {
            Path folder = Files.createDirectories(repairs.resolve(rejected.clip().name()));
            var done = repairer.get().repair(rejected.clip().file(), rejected.report(), thresholds, folder);
            return done != null && inspector.inspect(folder.resolve(done.file()), expectations(rejected.clip()), null).accepted();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static QualityExpectations expectations(QualityTestSet.LabelledClip clip) {
        return clip.reference() == null ? null : QualityExpectations.reference(clip.reference());
    }

    private static SubjectChecks subjectChecks(List<ClipResult> results, List<QualityTestSet.LabelledClip> across, QualityInspector inspector,
            QualityThresholds thresholds) {
        Artifact drift = Artifact.SUBJECT_DRIFT;
        double limit = thresholds.threshold(drift);
        List<Double> negatives = new ArrayList<>(), positives = new ArrayList<>();
        for (ClipResult result : results) {
            QualityTestSet.LabelledClip clip = result.clip();
            boolean positive = clip.artifact() == drift && clip.strength() == QualityTestSet.Strength.MEDIUM;
            if (!clip.clean() && !positive) continue;
            double score = inspector.inspect(clip.file(), null, null).score(drift);
            (positive ? positives : negatives).add(score);
        }
        List<String> missed = new ArrayList<>();
        for (QualityTestSet.LabelledClip clip : across) {
            QualityReport report = inspector.inspect(clip.file(), expectations(clip), null);
            if (!(report.score(drift) < limit)) missed.add(clip.name() + String.format(java.util.Locale.ROOT, " (%.2f)", report.score(drift)));
        }
        double recall = positives.isEmpty() ? Double.NaN : positives.stream().filter(score -> score < limit).count() / (double) positives.size();
        return new SubjectChecks(auc(positives, negatives), recall, across.size() - missed.size(), across.size(), missed);
    }

    private static List<ClipResult> of(List<ClipResult> results, Artifact artifact, QualityTestSet.Strength strength) {
        return results.stream().filter(r -> r.clip().artifact() == artifact && r.clip().strength() == strength).toList();
    }

    private static double recall(List<ClipResult> clips, Artifact artifact, QualityThresholds thresholds) {
        if (clips.isEmpty()) return Double.NaN;
        return clips.stream().filter(r -> r.report().score(artifact) < thresholds.threshold(artifact)).count() / (double) clips.size();
    }

    /**
     * ROC AUC for "lower score means artifact": the chance that a random positive scores below a random negative,
     * ties counting half (the Mann-Whitney U statistic).
     */
    static double auc(List<Double> positives, List<Double> negatives) {
        if (positives.isEmpty() || negatives.isEmpty()) return Double.NaN;
        double wins = 0;
        for (double p : positives) {
            for (double n : negatives) wins += p < n ? 1 : p == n ? 0.5 : 0;
        }
        return wins / (positives.size() * (double) negatives.size());
    }

    /** Deletes a folder the bench made. */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
