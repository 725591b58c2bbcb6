package dev.reelwright.cli.command;

import dev.reelwright.cli.LocalStack;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Resolution;
import dev.reelwright.core.model.SpecLoader;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.pipeline.Production;
import dev.reelwright.core.pipeline.StoryboardLoader;
import dev.reelwright.core.progress.ProgressListener;
import dev.reelwright.core.pipeline.Providers;
import dev.reelwright.media.assembly.EncoderBench;
import dev.reelwright.media.assembly.FfmpegVideoAssembler;
import dev.reelwright.media.assembly.EncoderSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {QualityBenchCommand.class, CostBenchCommand.class},
        header = "Time a cold make of the bundled example against the bare-encode limit, and report peak memory.",
        description = {"", "Makes the example from an empty cache and prints each stage's wall time and the total; then",
            "decodes the finished video back into memory (10 s at a time, untimed) and encodes those same frames",
            "with the same encoder settings: that is the limit no pipeline can beat. A bare encode of synthetic",
            "frames is printed too, to compare machines. Peak resident memory is read from the operating system.",
            "Targets on a 2-core machine: make under 90 s for one minute of 1080p30, at most 1.5x the bare encode,",
            "peak memory under 2 GiB.", "", "'bench quality' measures the quality inspector and 'bench cost' simulates spending per candidate policy (see their --help).", ""})
public final class BenchCommand implements Callable<Integer> {
    /** Frames held in memory at once for the bare encode: 10 s at 30 fps, 2.4 GiB at 1080p, outside the Java heap. */
    static final int BARE_CHUNK_FRAMES = 300;

    @Option(names = "--script", paramLabel = "SCRIPT", description = "The script to make. Default: examples/lighthouse.md")
    Path script;

    @Option(names = "--resolution", paramLabel = "720p|1080p", converter = ProductionOptions.ResolutionConverter.class,
            description = "Default: 1080p.")
    Resolution resolution = Resolution.P1080;

    @Option(names = "--keep", paramLabel = "DIR", description = "Make into DIR and keep it (it must be empty or absent). Default: a temporary folder, deleted afterwards.")
    Path keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path input = script != null ? script : defaultExample();
        Path specFile = input.toAbsolutePath().resolveSibling("production.yaml");
        ProductionSpec production = SpecLoader.load(Files.isRegularFile(specFile) ? specFile : null).withResolution(resolution);
        Storyboard storyboard = StoryboardLoader.load(input, production, LocalStack.planner());
        Path out = keep != null ? keep : Files.createTempDirectory("reelwright-bench");
        if (keep != null && Files.isDirectory(keep)) {
            try (Stream<Path> entries = Files.list(keep)) {
                if (entries.findAny().isPresent()) throw new InputException(keep + ": the bench needs an empty folder (a cold cache)");
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "bench: %s at %s, %d cores, Java %s%n", input, production.format(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        stdout.flush();
        try {
            Providers providers = LocalStack.providers();
            Production.Result result = new Production(providers, ProgressListener.NONE)
                    .make(storyboard, production, out, input.toString());
            long peakAfterMake = peakResidentBytes();
            Map<String, Double> timings = new LinkedHashMap<>(result.report().timings());
            int frames = result.report().video().frames();
            double bare = EncoderBench.runOnFramesOf(result.folder().resolve("video.mp4"), EncoderSettings.DEFAULT, BARE_CHUNK_FRAMES).seconds();
            double synthetic = EncoderBench.run(production.format(), frames, EncoderSettings.DEFAULT).seconds();
            double total = timings.get("total");
            timings.forEach((stage, seconds) -> stdout.printf(Locale.ROOT, "  %-10s %7.2f s%n", stage, seconds));
            stdout.printf(Locale.ROOT, "  video      %7.2f s of %s, %d frames%n", result.report().video().seconds(), production.format(), frames);
            stdout.printf(Locale.ROOT, "  bare encode of the video's own %d frames, in memory: %.2f s (%.1f frames/s): the limit%n", frames, bare, frames / bare);
            stdout.printf(Locale.ROOT, "  bare encode of %d synthetic panning frames: %.2f s (%.1f frames/s), for comparison across machines%n",
                    frames, synthetic, frames / synthetic);
            if (providers.assembler() instanceof FfmpegVideoAssembler assembler && assembler.lastRun() != null) {
                var run = assembler.lastRun();
                stdout.printf(Locale.ROOT, "  assemble: render thread busy %.2f s, encoder busy %.2f s%n", run.renderBusySeconds(), run.encodeBusySeconds());
            }
            stdout.printf(Locale.ROOT, "  make / bare encode: %.2fx   make: %.1f frames/s, %.2fx real time%n",
                    total / bare, frames / total, result.report().video().seconds() / total);
            stdout.printf(Locale.ROOT, "  peak resident memory during make: %s%n", peakAfterMake < 0 ? "unknown" : (peakAfterMake >> 20) + " MiB");
            stdout.flush();
            return 0;
        } finally {
            if (keep == null) delete(out);
        }
    }

    private static Path defaultExample() {
        String home = System.getProperty("reelwright.home");
        Path example = Path.of(home == null ? "." : home, "examples", "lighthouse.md");
        if (!Files.isRegularFile(example)) throw new InputException(example + ": no such file; name a script with --script");
        return example;
    }

    /** VmHWM: the most resident memory this process has held, as Linux counts it. */
    static long peakResidentBytes() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElse(-1L);
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
