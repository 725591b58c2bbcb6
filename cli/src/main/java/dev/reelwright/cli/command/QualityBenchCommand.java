package dev.reelwright.cli.command;

import dev.reelwright.core.json.Json;
import dev.reelwright.core.quality.QualityThresholds;
import dev.reelwright.media.quality.OpenCvQualityInspector;
import dev.reelwright.media.quality.QualityBench;
import dev.reelwright.media.quality.QualityTestSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "quality", mixinStandardHelpOptions = true,
        header = "Measure the quality inspector on its generated, labelled test set.",
        description = {"", "Generates clean clips (camera moves, props, a figure, signs), hard negatives (fast pan, fades, a cut,",
            "a blinking lamp, a slow pulse, a sign changing words, a big dolly and crane past the figure) and each",
            "artifact injected at three strengths, each clip with its reference image (its clean first frame, what its",
            "keyframe would be), inspects them all and prints, per artifact: ROC AUC at medium strength against the",
            "clean clips, recall at the threshold for each strength, and how often the medium clips were rejected for",
            "that artifact; then subject drift without a reference and across clips (another figure against the first",
            "one's keyframe), the false rejection rate on clean clips and the speed (also on a 1080p clip). Each",
            "rejected clip the inspector can repair is repaired and inspected again: the last column, and the share",
            "of rejections a repair saves (what 'bench cost --repairable' takes) if they are spread evenly.",
            "Targets: AUC >= 0.95, false rejection <= 5%%, >= 150 frames/s on 1080p on a 2-core machine.", ""})
public final class QualityBenchCommand implements Callable<Integer> {
    @Option(names = "--seeds", paramLabel = "N", description = "Clips per case (default 6).")
    int seeds = 6;

    @Option(names = "--keep", paramLabel = "DIR", description = "Generate into DIR and keep the clips. Default: a temporary folder, deleted afterwards.")
    Path keep;

    @Option(names = "--no-1080p", description = "Skip the 1080p speed measurement.")
    boolean skipFullHd;

    @Option(names = "--thresholds", paramLabel = "FILE", description = "Thresholds to measure recall and false rejection at (default 0.5 each).")
    Path thresholds;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (seeds < 1 || seeds > 50) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--seeds must be 1..50, got " + seeds);
        QualityThresholds limits = thresholds == null ? QualityThresholds.defaults() : QualityThresholds.read(thresholds);
        Path dir = keep != null ? keep : Files.createTempDirectory("reelwright-quality-bench");
        PrintWriter stdout = spec.commandLine().getOut();
        if (!json) {
            stdout.printf(Locale.ROOT, "quality bench: %d seeds, %dx%d clips of %.0f s, %d cores, Java %s%n", seeds,
                    QualityTestSet.Settings.DEFAULT.width(), QualityTestSet.Settings.DEFAULT.height(), QualityTestSet.Settings.DEFAULT.seconds(),
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            stdout.flush();
        }
        try {
            QualityBench.Result result = QualityBench.run(dir, new QualityBench.Options(QualityTestSet.Settings.DEFAULT, seeds, !skipFullHd),
                    new OpenCvQualityInspector(limits), limits);
            if (json) stdout.println(Json.toJson(summary(result)));
            else stdout.print(report(result));
            stdout.flush();
            return 0;
        } finally {
            if (keep == null) QualityBench.delete(dir);
        }
    }

    static String report(QualityBench.Result result) {
        List<List<String>> rows = new ArrayList<>();
        for (QualityBench.ArtifactRow row : result.rows()) {
            rows.add(List.of(row.artifact().label(), number(row.auc(), 3), number(row.recallWeak(), 2), number(row.recallMedium(), 2),
                    number(row.recallStrong(), 2), number(row.rightReasonMedium(), 2), String.valueOf(row.positivesPerStrength()),
                    row.repaired() + " of " + row.rejected()));
        }
        StringBuilder out = new StringBuilder(Tables.render(
                List.of("artifact", "AUC (medium)", "recall weak", "recall medium", "recall strong", "failing = it (medium)", "clips each",
                        "rejected, then repaired"), rows));
        out.append(String.format(Locale.ROOT, "repairs: a rejected take saved without paying for another in %s of cases if rejections are"
                + " spread evenly over %s (bench cost --repairable %.2f)%n", percent(result.repairableShare()),
                String.join(", ", QualityBench.Result.GENERATION_ARTIFACTS.stream().map(a -> a.label()).toList()), result.repairableShare()));
        QualityBench.SubjectChecks subject = result.subject();
        out.append(String.format(Locale.ROOT, "subject_drift without a reference (against the clip's opening): AUC %s, recall medium %s%n",
                number(subject.aucWithoutReference(), 3), number(subject.recallMediumWithoutReference(), 2)));
        out.append(String.format(Locale.ROOT, "subject_drift across clips (another figure against the first one's keyframe): %d of %d caught%s%n",
                subject.acrossCaught(), subject.acrossClips(), subject.acrossMissed().isEmpty() ? "" : "; missed " + String.join(", ", subject.acrossMissed())));
        String which = result.falselyRejected().isEmpty() ? "" : ": " + String.join(", ", result.falselyRejected());
        out.append(String.format(Locale.ROOT, "false rejection of clean clips: %s (%d of %d)%s%n", percent(result.falseRejection()),
                result.falselyRejected().size(), result.cleanClips(), which));
        out.append(String.format(Locale.ROOT, "speed: %.0f frames/s on the test set", result.framesPerSecond()));
        if (result.fullHdFrames() > 0) {
            out.append(String.format(Locale.ROOT, ", %.0f frames/s on 1080p (%d frames)", result.fullHdFramesPerSecond(), result.fullHdFrames()));
        }
        out.append(String.format(Locale.ROOT, "; generating the set took %.1f s%n", result.generateSeconds()));
        boolean auc = result.rows().stream().allMatch(r -> r.auc() >= 0.95);
        boolean rejection = result.falseRejection() <= 0.05;
        boolean speed = result.fullHdFrames() == 0 || result.fullHdFramesPerSecond() >= 150;
        out.append(String.format(Locale.ROOT, "targets: AUC >= 0.95 %s, false rejection <= 5 %% %s, 1080p >= 150 frames/s %s%n",
                met(auc), met(rejection), result.fullHdFrames() == 0 ? "not measured" : met(speed)));
        return out.toString();
    }

    private static Map<String, Object> summary(QualityBench.Result result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("artifacts", result.rows());
        out.put("false_rejection", result.falseRejection());
        out.put("clean_clips", result.cleanClips());
        out.put("falsely_rejected", result.falselyRejected());
        out.put("repairable_share", result.repairableShare());
        out.put("subject_drift", result.subject());
        out.put("frames_per_second", result.framesPerSecond());
        out.put("full_hd_frames_per_second", result.fullHdFramesPerSecond());
        out.put("generate_seconds", result.generateSeconds());
        return out;
    }

    private static String met(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * value);
    }
}
