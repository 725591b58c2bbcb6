package dev.reelwright.cli.command;

import dev.reelwright.cli.Environment;
import dev.reelwright.cli.progress.ConsoleProgress;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.pipeline.Production;
import dev.reelwright.core.pipeline.Report;
import dev.reelwright.core.progress.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "make", mixinStandardHelpOptions = true,
        header = "Make the finished video from a script or a storyboard.",
        description = {"", "Writes into DIR: video.mp4 (H.264 + AAC), captions.srt, captions.vtt, storyboard.json, poster.jpg",
            "and report.json (written last: its presence means the folder is complete).",
            "Every step is cached under DIR/cache by the hash of its inputs: after editing one scene in",
            "storyboard.json, a re-run renders only that scene and the final assembly.",
            "Clips from generative models go through the quality filter (see 'reelwright inspect'): a rejected clip is",
            "kept with its report and another candidate is made, up to candidates_per_shot (production.yaml).", ""})
public final class MakeCommand implements Callable<Integer> {
    private final Environment environment;

    public MakeCommand(Environment environment) {
        this.environment = environment;
    }

    @Mixin
    ProductionOptions options;

    @Mixin
    OutputOption output;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--json", description = "Print one JSON object (the report) instead of progress and a summary.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path folder = output.folder(options.input());
        ProductionOptions.Loaded loaded = options.load(environment, folder);
        ProductionSpec production = loaded.spec();
        PrintWriter stdout = spec.commandLine().getOut();
        ProgressListener progress = quiet || json ? ProgressListener.NONE
                : new ConsoleProgress(spec.commandLine().getErr(), ConsoleProgress.onTerminal());
        Production.Result result = CancelOnSignal.run(() -> new Production(loaded.providers(), progress)
                .make(loaded.plan(), production, folder, options.input().toString()));
        if (json) {
            stdout.println(Json.toJson(result.report()));
        } else if (!quiet) {
            stdout.print(summary(result.report()));
        }
        stdout.flush();
        return 0;
    }

    public static String summary(Report report) {
        Report.VideoInfo video = report.video();
        return String.format(Locale.ROOT,
                "%s: %d scenes, %.1f s, %dx%d @ %d fps%n  %s/%s%n  steps run %d, reused %d; cost $%.2f; took %.1f s%n",
                report.title().isBlank() ? "video" : report.title(), report.scenes().size(), video.seconds(), video.width(),
                video.height(), video.fps(), report.output(), video.file(), report.steps().run(), report.steps().reused(),
                report.cost().actual(), report.timings().get("total")) + spending(report) + quality(report);
    }

    /** Expected against actual dollars per vendor, and per finished minute, when anything was paid for. */
    static String spending(Report report) {
        Report.Cost cost = report.cost();
        if (cost.byVendor().isEmpty() || cost.actual() <= 0) return "";
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  spent $%.2f of $%.2f expected", cost.actual(), cost.estimatedBeforeCalls()));
        if (cost.budget() != null) line.append(String.format(Locale.ROOT, " (budget $%.2f)", cost.budget()));
        line.append(String.format(Locale.ROOT, ", $%.2f per finished minute:", cost.perFinishedMinute()));
        cost.byVendor().forEach((vendor, amount) -> line.append(String.format(Locale.ROOT, " %s $%.2f of $%.2f in %d calls;", vendor,
                amount.actual(), amount.estimated(), amount.calls())));
        line.setLength(line.length() - 1);
        return line.append(System.lineSeparator()).toString();
    }

    /** One line on the quality filter when it looked at anything: how many clips it rejected, which shots to review. */
    static String quality(Report report) {
        int inspected = 0, rejected = 0;
        List<String> review = new ArrayList<>();
        for (Report.SceneReport scene : report.scenes()) {
            for (Report.CandidateReport candidate : scene.candidates()) {
                if (candidate.verdict().equals("not_inspected")) continue;
                inspected++;
                if (candidate.verdict().equals("reject")) rejected++;
            }
            if (scene.clip().equals("best_rejected")) review.add(scene.id());
        }
        if (inspected == 0) return "";
        String line = String.format(Locale.ROOT, "  quality filter: %d clips inspected, %d rejected", inspected, rejected);
        if (!review.isEmpty()) {
            line += "; no clip passed for " + String.join(", ", review) + ": the least bad one is used, review it (report.json lists why)";
        }
        return line + System.lineSeparator();
    }
}
