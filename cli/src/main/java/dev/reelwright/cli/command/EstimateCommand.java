package dev.reelwright.cli.command;

import dev.reelwright.cli.Environment;
import dev.reelwright.cli.ProviderSelection;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.cost.CostEstimate;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.CandidateStrategy;
import dev.reelwright.core.model.ModelChoice;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.routing.Route;
import dev.reelwright.core.routing.Router;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "estimate", mixinStandardHelpOptions = true,
        header = "Print which model each shot will use and why, and what the production will cost, without generating anything.",
        description = {"", "Each shot's clip model follows production.yaml 'models.clips': absent, the embedded renderer (free); a catalog id",
            "pins that model; 'auto' lets the router pick per shot by 'policy' (quality, balanced or cost) among the vendors that",
            "are configured and allowed by 'vendors:'. A shot longer than a model's longest clip is chained from several clips,",
            "and the router counts every stitch against the model. A candidate is one take of a whole shot: 'unit price' is what",
            "one costs, and what 'make' reserves against 'budget' before sending it. Adaptive candidates show the expected count",
            "(each take assumed to pass the quality filter with probability " + CostEstimate.ACCEPTANCE_RATE + ") and the worst case,",
            "candidates_per_shot; fixed candidates pay for candidates_per_shot. Keyframes are one a scene; speech is priced by",
            "characters. Lengths are planned from the narration at the speaking rate; 'make' fits them to the real speech.",
            "Exit code 2 when even the expected cost passes the budget; a warning, exit code 0, when only the worst case does.", ""})
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

    @Option(names = "--json", description = "Print one JSON object: every shot's line with its reason and fallbacks, and the totals.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProductionOptions.Loaded loaded = options.load(environment, output.folder(options.input()));
        ProductionSpec production = loaded.spec();
        Storyboard storyboard = loaded.storyboard();
        ProviderSelection selection = loaded.selection();
        ModelChoice models = production.models();
        // The same checks make runs before paying (unknown, retired, no adapter, no key), so a mistake shows here first.
        ModelEntry keyframes = selection.entry(models.keyframes(), "image", "models.keyframes", "local/procedural-keyframe");
        ModelEntry speech = selection.entry(models.speech(), "speech", "models.speech", "local/freetts-kevin16");
        if (models.clips() != null && !models.clips().strip().equalsIgnoreCase(Router.AUTO)) {
            selection.entry(models.clips(), "video", "models.clips", Router.LOCAL_CLIPS);
        }
        List<Route> routes = selection.router().routeAll(storyboard, production);
        CostEstimate estimate = CostEstimate.of(storyboard, production, routes, keyframes, speech);
        if (estimate.budgetCheck() == CostEstimate.BudgetCheck.EXPECTED_OVER && json) throw overBudget(estimate);

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.toJson(asJson(estimate)));
        } else {
            print(estimate, out);
        }
        out.flush();
        switch (estimate.budgetCheck()) {
            case EXPECTED_OVER -> throw overBudget(estimate);
            case WORST_CASE_OVER -> {
                PrintWriter err = spec.commandLine().getErr();
                err.printf(Locale.ROOT, "reelwright: warning: the worst case %s passes the budget %s; make stops cleanly before the call "
                        + "that would pass it%n", money(estimate.worstTotal()), money(estimate.budget()));
                err.flush();
            }
            case FITS, NONE -> { }
        }
        return 0;
    }

    private static void print(CostEstimate estimate, PrintWriter out) {
        boolean adaptive = estimate.strategy() == CandidateStrategy.ADAPTIVE;
        List<List<String>> rows = new ArrayList<>();
        for (CostEstimate.ShotLine line : estimate.shots()) {
            String candidates = adaptive ? String.format(Locale.ROOT, "%.2f of %d", line.expectedCandidates(), line.maxCandidates())
                    : String.valueOf(line.maxCandidates());
            rows.add(List.of(line.scene(), String.format(Locale.ROOT, "%.1f", line.seconds()), line.model(), String.valueOf(line.clips()),
                    candidates, money(line.unitPrice()), money(line.expectedSubtotal()), money(line.worstSubtotal()), line.reason()));
        }
        out.print(Tables.render(List.of("shot", "seconds", "model", "clips", "candidates", "unit price", "expected", "worst case", "why"), rows));
        CostEstimate.ItemLine keyframes = estimate.keyframes();
        CostEstimate.ItemLine voice = estimate.voice();
        out.printf(Locale.ROOT, "keyframes: %d x %s at %s = %s%n", keyframes.calls(), keyframes.model(),
                money(keyframes.calls() == 0 ? 0 : keyframes.subtotal() / keyframes.calls()), money(keyframes.subtotal()));
        out.printf(Locale.ROOT, "audio: %s, %,d characters in %d calls = %s%n", voice.model(), voice.units(), voice.calls(), money(voice.subtotal()));
        out.printf(Locale.ROOT, "clips: %s expected, %s worst case (%s)%n", money(estimate.clipsExpected()), money(estimate.clipsWorst()),
                adaptive ? String.format(Locale.ROOT, "adaptive: each take assumed to pass the quality filter with probability %.2f",
                        estimate.acceptanceRate()) : "fixed: every candidate is made");
        out.printf(Locale.ROOT, "total %s expected, %s worst case%n", money(estimate.expectedTotal()), money(estimate.worstTotal()));
        out.printf(Locale.ROOT, "for %.1f s: %s per finished minute expected, %s worst case%n", estimate.videoSeconds(),
                money(estimate.expectedPerFinishedMinute()), money(estimate.worstPerFinishedMinute()));
        if (estimate.budgetCheck() == CostEstimate.BudgetCheck.FITS) {
            out.printf(Locale.ROOT, "budget %s: even the worst case fits%n", money(estimate.budget()));
        }
    }

    private static Map<String, Object> asJson(CostEstimate estimate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "ok");
        json.put("shots", estimate.shots());
        json.put("keyframes", estimate.keyframes());
        json.put("audio", estimate.voice());
        json.put("candidate_strategy", estimate.strategy());
        json.put("acceptance_rate", estimate.acceptanceRate());
        json.put("expected_total", estimate.expectedTotal());
        json.put("worst_total", estimate.worstTotal());
        json.put("video_seconds", estimate.videoSeconds());
        json.put("expected_per_finished_minute", estimate.expectedPerFinishedMinute());
        json.put("worst_per_finished_minute", estimate.worstPerFinishedMinute());
        json.put("budget", estimate.budget());
        json.put("budget_check", estimate.budgetCheck().name().toLowerCase(Locale.ROOT));
        return json;
    }

    private static InputException overBudget(CostEstimate estimate) {
        return new InputException(String.format(Locale.ROOT, "production.yaml budget %s is below the expected cost %s (worst case %s): raise "
                + "it, lower candidates_per_shot, or choose cheaper models (policy: cost)", money(estimate.budget()),
                money(estimate.expectedTotal()), money(estimate.worstTotal())));
    }

    private static String money(double dollars) {
        return String.format(Locale.ROOT, "$%.2f", dollars);
    }
}
