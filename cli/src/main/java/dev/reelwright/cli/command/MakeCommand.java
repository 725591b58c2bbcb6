package dev.reelwright.cli.command;

import dev.reelwright.cli.Environment;
import dev.reelwright.cli.progress.ConsoleProgress;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.pipeline.Production;
import dev.reelwright.core.pipeline.Report;
import dev.reelwright.core.progress.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
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
            "storyboard.json, a re-run renders only that scene and the final assembly.", ""})
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
        ProductionOptions.Loaded loaded = options.load(environment);
        ProductionSpec production = loaded.spec();
        Storyboard storyboard = loaded.storyboard();
        Path folder = output.folder(options.input());
        PrintWriter stdout = spec.commandLine().getOut();
        ProgressListener progress = quiet || json ? ProgressListener.NONE
                : new ConsoleProgress(spec.commandLine().getErr(), ConsoleProgress.onTerminal());
        Production.Result result = CancelOnSignal.run(() -> new Production(loaded.providers(), progress)
                .make(storyboard, production, folder, options.input().toString()));
        if (json) {
            stdout.println(Json.toJson(result.report()));
        } else if (!quiet) {
            stdout.print(summary(result.report()));
        }
        stdout.flush();
        return 0;
    }

    static String summary(Report report) {
        Report.VideoInfo video = report.video();
        return String.format(Locale.ROOT,
                "%s: %d scenes, %.1f s, %dx%d @ %d fps%n  %s/%s%n  steps run %d, reused %d; cost $%.2f; took %.1f s%n",
                report.title().isBlank() ? "video" : report.title(), report.scenes().size(), video.seconds(), video.width(),
                video.height(), video.fps(), report.output(), video.file(), report.steps().run(), report.steps().reused(),
                report.cost().actual(), report.timings().get("total"));
    }
}
