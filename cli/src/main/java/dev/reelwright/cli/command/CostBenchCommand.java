package dev.reelwright.cli.command;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.pipeline.CostSimulation;
import dev.reelwright.core.pipeline.CostSimulation.Result;
import dev.reelwright.core.pipeline.CostSimulation.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "cost", mixinStandardHelpOptions = true,
        header = "Simulate what a finished minute costs under each candidate policy, against fake vendors at catalog prices.",
        description = {"", "Runs the reference production (12 shots of 5 s: Flux Pro keyframes, Kling image-to-video clips, ElevenLabs",
            "speech) through the pipeline's own candidate search, clip maker and budget ledger, with fake vendors that charge",
            "the catalog's price and take about its latency, and a quality filter that rejects each clip with a set",
            "probability (a set share of rejections being ones the filter repairs locally, at no vendor cost). Every",
            "policy sees the same rejections. Prints, per policy: cost per finished minute, clips paid, shots accepted, how",
            "often every shot was, and the wall time a production would take (simulated).",
            "Target: the default (adaptive, with repairs) under $6 a finished minute with every shot accepted, where fixed 3",
            "candidates cost $12-14.", ""})
public final class CostBenchCommand implements Callable<Integer> {
    @Option(names = "--rejection", paramLabel = "RATE", description = "Share of clips the quality filter rejects (default 0.35).")
    double rejection = Settings.REFERENCE.rejectionRate();

    @Option(names = "--repairable", paramLabel = "SHARE", description = "Share of rejected clips the filter repairs instead of paying for another take "
            + "(default 0.47: what 'bench quality' measures its repairs saving, rejections spread evenly over the five artifacts).")
    double repairable = Settings.REFERENCE.repairableShare();

    @Option(names = "--productions", paramLabel = "N", description = "Productions simulated per policy; results are their means (default 200).")
    int productions = Settings.REFERENCE.productions();

    @Option(names = "--model", paramLabel = "ID", description = "The clip model (a catalog id; default ${DEFAULT-VALUE}).")
    String model = Settings.REFERENCE.clipModel();

    @Option(names = "--catalog", paramLabel = "FILE", description = "Your own model catalog, laid over the bundled one.")
    Path catalog;

    @Option(names = "--json", description = "Print the results as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!(rejection >= 0 && rejection < 1)) throw new ParameterException(spec.commandLine(), "--rejection must be in [0, 1), got " + rejection);
        if (!(repairable >= 0 && repairable <= 1)) throw new ParameterException(spec.commandLine(), "--repairable must be in [0, 1], got " + repairable);
        if (productions < 1 || productions > 10_000) throw new ParameterException(spec.commandLine(), "--productions must be 1..10000, got " + productions);
        Settings reference = Settings.REFERENCE;
        Settings settings = new Settings(reference.shots(), reference.shotSeconds(), rejection, productions, model, reference.keyframeModel(),
                reference.speechModel(), reference.narrationCharacters(), reference.timeScale(), reference.seed(), repairable);
        List<Result> results = CostSimulation.run(settings, CostSimulation.POLICIES, ModelCatalog.withOverrides(catalog));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.toJson(java.util.Map.of("settings", settings, "results", results)));
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "cost bench: %d shots of %.0f s, clips by %s, %.0f%% of clips rejected (%.0f%% of those repairable,"
                        + " which repairs fix), %d productions per policy%n", settings.shots(), settings.shotSeconds(), settings.clipModel(),
                100 * settings.rejectionRate(), 100 * settings.repairableShare(), settings.productions());
        List<List<String>> rows = new ArrayList<>();
        for (Result r : results) {
            rows.add(List.of(r.policy().name(), money(r.costPerFinishedMinute()), money(r.clipCost()), money(r.keyframeCost() + r.speechCost()),
                    String.format(Locale.ROOT, "%.2f", r.clipsPaid()), String.format(Locale.ROOT, "%.2f of %d", r.acceptedShots(), settings.shots()),
                    String.format(Locale.ROOT, "%.0f%%", 100 * r.allAcceptedShare()), String.format(Locale.ROOT, "%.1f min", r.wallSeconds() / 60), String.join(", ", r.clipModels())));
        }
        out.print(Tables.render(List.of("policy", "$/finished min", "clips", "keyframes+voice", "clips paid", "shots accepted",
                "all accepted", "wall (simulated)", "clip models"), rows));
        Result fixed = result(results, CostSimulation.REFERENCE), chosen = result(results, CostSimulation.DEFAULT);
        boolean met = chosen.costPerFinishedMinute() < 6 && chosen.allAcceptedShare() >= 0.95;
        out.printf(Locale.ROOT, "target: default < $6.00 with every shot accepted, where fixed 3 costs $12-14: fixed 3 %s, default %s"
                        + " with all 12 accepted in %.0f%% of productions -> %s%n", money(fixed.costPerFinishedMinute()),
                money(chosen.costPerFinishedMinute()), 100 * chosen.allAcceptedShare(), met ? "met" : "MISSED");
        out.flush();
        return 0;
    }

    private static Result result(List<Result> results, CostSimulation.Policy policy) {
        return results.stream().filter(r -> r.policy().equals(policy)).findFirst().orElseThrow();
    }

    private static String money(double usd) {
        return String.format(Locale.ROOT, "$%.2f", usd);
    }
}
