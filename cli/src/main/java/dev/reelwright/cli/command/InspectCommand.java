package dev.reelwright.cli.command;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.QualityExpectations;
import dev.reelwright.core.quality.QualityReport;
import dev.reelwright.core.quality.QualityThresholds;
import dev.reelwright.media.quality.OpenCvQualityInspector;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        header = "Check generated clips for flicker, jumping or morphing objects, ghost limbs, garbled text, subject drift, frozen or black pictures.",
        description = {"", "Decodes each clip once at a small working size and scores every artifact from 1 (clean) to 0 (worst);",
            "a clip is rejected when any score falls below its threshold (0.5 by default). Subject drift compares the",
            "clip's colours with --reference (the keyframe it was made from, or the character's reference image), or",
            "without one with the clip's own opening. With --evidence, the two",
            "frames that show each problem are saved there as PNG. Classical computer vision only: nothing is",
            "downloaded. The exit code is 0 whether clips pass or not; read the verdicts (or --json).", ""})
public final class InspectCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CLIP", description = "Video files (.mp4, .mov, .mkv, .webm).")
    List<Path> clips;

    @Option(names = "--json", description = "Print one JSON object with every clip's report instead of the table.")
    boolean json;

    @Option(names = "--evidence", paramLabel = "DIR", description = "Save the frame pair that shows each problem in DIR.")
    Path evidence;

    @Option(names = "--thresholds", paramLabel = "FILE",
            description = "JSON or YAML map of artifact to lowest acceptable score, e.g. {\"flicker\": 0.6}; others keep 0.5.")
    Path thresholds;

    @Option(names = "--expect-size", paramLabel = "WxH", description = "Report a clip of another size (artifact 'format').")
    String expectSize;

    @Option(names = "--expect-seconds", paramLabel = "SECONDS", description = "Report a clip of another length (+/- 5%%, at least 0.25 s).")
    Double expectSeconds;

    @Option(names = "--reference", paramLabel = "IMAGE",
            description = "The image every clip should stay true to (keyframe or character reference; PNG, JPEG, WebP...): artifact 'subject_drift'.")
    Path reference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        QualityThresholds limits = thresholds == null ? QualityThresholds.defaults() : QualityThresholds.read(thresholds);
        QualityExpectations expectations = expectations();
        for (Path clip : clips) {
            if (!Files.isRegularFile(clip)) throw new InputException(clip + ": no such file");
        }
        if (reference != null && !Files.isRegularFile(reference)) throw new InputException("--reference " + reference + ": no such file");
        OpenCvQualityInspector inspector = new OpenCvQualityInspector(limits);
        List<QualityReport> reports = new ArrayList<>();
        for (Path clip : clips) reports.add(inspector.inspect(clip, expectations, evidence));
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", "ok");
            out.put("accepted", reports.stream().filter(QualityReport::accepted).count());
            out.put("rejected", reports.stream().filter(r -> !r.accepted()).count());
            out.put("thresholds", limits.thresholds());
            out.put("reports", reports);
            stdout.println(Json.toJson(out));
        } else {
            stdout.print(table(reports));
            for (QualityReport report : reports) {
                report.evidence().stream()
                        .filter(e -> report.score(e.artifact()) < limits.threshold(e.artifact()))
                        .forEach(e -> stdout.printf(Locale.ROOT, "  %s: %s at %.2f-%.2f s: %s%s%n", Path.of(report.clip()).getFileName(),
                                e.artifact().label(), e.from(), e.to(), e.note(),
                                e.framePairA() == null ? "" : " (" + e.framePairA() + ", " + e.framePairB() + ")"));
            }
            long rejected = reports.stream().filter(r -> !r.accepted()).count();
            stdout.printf(Locale.ROOT, "%d of %d clips accepted%s%n", reports.size() - rejected, reports.size(),
                    evidence == null ? "" : "; evidence in " + evidence);
        }
        stdout.flush();
        return 0;
    }

    private QualityExpectations expectations() {
        Integer width = null, height = null;
        if (expectSize != null) {
            String[] parts = expectSize.toLowerCase(Locale.ROOT).split("x");
            try {
                if (parts.length != 2) throw new NumberFormatException();
                width = Integer.parseInt(parts[0].strip());
                height = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new InputException("--expect-size '" + expectSize + "' is not WIDTHxHEIGHT, e.g. 1920x1080");
            }
        }
        if (width == null && expectSeconds == null && reference == null) return null;
        try {
            return new QualityExpectations(width, height, expectSeconds, reference);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    static String table(List<QualityReport> reports) {
        List<String> header = new ArrayList<>(List.of("clip", "verdict", "failing"));
        for (Artifact artifact : Artifact.values()) header.add(shortName(artifact));
        header.add("frames/s");
        List<List<String>> rows = new ArrayList<>();
        for (QualityReport report : reports) {
            List<String> row = new ArrayList<>(List.of(Tables.shorten(Path.of(report.clip()).getFileName().toString(), 40),
                    report.verdict().label(), report.failing() == null ? "-" : report.failing()));
            for (Artifact artifact : Artifact.values()) row.add(String.format(Locale.ROOT, "%.2f", report.score(artifact)));
            row.add(String.format(Locale.ROOT, "%.0f", report.framesPerSecond()));
            rows.add(row);
        }
        return Tables.render(header, rows);
    }

    private static String shortName(Artifact artifact) {
        return switch (artifact) {
            case TELEPORTATION -> "teleport";
            case MORPHING -> "morph";
            case GHOST_LIMBS -> "ghost";
            case TEXT_CORRUPTION -> "text";
            case SUBJECT_DRIFT -> "subject";
            default -> artifact.label();
        };
    }
}
