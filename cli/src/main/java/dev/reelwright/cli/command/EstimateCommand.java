package dev.reelwright.cli.command;

import dev.reelwright.cli.Environment;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Scene;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.pipeline.Providers;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "estimate", mixinStandardHelpOptions = true,
        header = "Print what each shot will cost, and the total, without generating anything.",
        description = {"", "Lengths are planned from the narration at the speaking rate; 'make' fits them to the real speech.",
            "The embedded local models cost nothing.", ""})
public final class EstimateCommand implements Callable<Integer> {
    private final Environment environment;

    public EstimateCommand(Environment environment) {
        this.environment = environment;
    }

    @Mixin
    ProductionOptions options;

    /** Where a planned storyboard is cached, so that estimate and make pay a paid planner once. */
    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProductionOptions.Loaded loaded = options.load(environment, output.folder(options.input()));
        ProductionSpec production = loaded.spec();
        Storyboard storyboard = loaded.storyboard();
        Providers providers = loaded.providers();
        List<List<String>> rows = new ArrayList<>();
        for (Scene scene : storyboard.scenes()) {
            rows.add(List.of(scene.id(), String.format(Locale.ROOT, "%.1f", scene.seconds()), providers.images().id(),
                    providers.videos().id(), String.valueOf(production.candidatesPerShot()), money(0), money(0)));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(Tables.render(List.of("shot", "seconds", "keyframe model", "clip model", "candidates", "unit price", "subtotal"), rows));
        // The embedded providers are free; the catalog and ledger (a later issue) will price paid models here.
        double total = 0;
        double perMinute = storyboard.totalSeconds() > 0 ? total / (storyboard.totalSeconds() / 60) : 0;
        stdout.printf(Locale.ROOT, "keyframes %s  clips %s  audio %s (%s)  total %s  for %.1f s: %s per finished minute%n",
                money(0), money(0), money(0), providers.speech().id(), money(total), storyboard.totalSeconds(), money(perMinute));
        stdout.flush();
        return 0;
    }

    private static String money(double dollars) {
        return String.format(Locale.ROOT, "$%.2f", dollars);
    }
}
