package dev.reelwright.core.cost;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.model.CandidateStrategy;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Scene;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.routing.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a production will cost before anything is generated: per shot the routed model, its clips, how many
 * candidates, the price of one candidate and the subtotal; then keyframes (one per scene), speech (priced by
 * characters) and the totals. The unit price of a shot line is exactly what {@code make} reserves per candidate
 * ({@link Route#usdPerCandidate()}, from {@link Pricing}), so the worst case equals the sum of every reservation a
 * run can make.
 *
 * <p>Candidates: {@code fixed} pays for {@code candidates_per_shot} clips a shot. {@code adaptive} generates
 * {@code candidates_in_parallel} at a time and stops at the first round with an accepted clip, so its expected count
 * assumes each candidate passes the quality filter with probability {@link #ACCEPTANCE_RATE}, independently; its
 * worst case is {@code candidates_per_shot}. Planning (the storyboard already exists) and music are not priced.
 *
 * @param videoSeconds the finished video's length, title card included
 */
public record CostEstimate(List<ShotLine> shots, ItemLine keyframes, ItemLine voice, double videoSeconds,
                           CandidateStrategy strategy, double acceptanceRate, Double budget) {
    /** The assumed share of candidates that pass the quality filter, for the adaptive expectation. */
    public static final double ACCEPTANCE_RATE = 0.65;

    /**
     * One shot.
     *
     * @param expectedCandidates candidates it is expected to pay for ({@code maxCandidates} when fixed)
     * @param unitPrice          one candidate of the whole shot, every chained clip included
     */
    public record ShotLine(String scene, double seconds, Stage stage, String model, String vendor, int clips, int stitches,
                           double expectedCandidates, int maxCandidates, double unitPrice, String reason, List<String> fallbacks) {
        public double expectedSubtotal() {
            return unitPrice * expectedCandidates;
        }

        public double worstSubtotal() {
            return unitPrice * maxCandidates;
        }
    }

    /** Keyframes or speech: {@code calls} paid calls to {@code model} over {@code units} images or characters. */
    public record ItemLine(Stage stage, String model, String vendor, int calls, int units, double subtotal) {}

    public CostEstimate {
        shots = List.copyOf(shots);
        Objects.requireNonNull(keyframes, "keyframes");
        Objects.requireNonNull(voice, "voice");
    }

    /**
     * The estimate for a storyboard whose scenes were routed in order.
     *
     * @param keyframeModel the catalog entry that draws keyframes ({@code local/procedural-keyframe} when none is chosen)
     * @param speechModel   the catalog entry that speaks the narration
     */
    public static CostEstimate of(Storyboard storyboard, ProductionSpec spec, List<Route> routes, ModelEntry keyframeModel,
                                  ModelEntry speechModel) {
        List<Scene> scenes = storyboard.scenes();
        if (routes.size() != scenes.size()) throw new IllegalArgumentException(routes.size() + " routes for " + scenes.size() + " scenes");
        double expected = expectedCandidates(spec.candidateStrategy(), spec.candidatesPerShot(), spec.candidatesInParallel(), ACCEPTANCE_RATE);
        List<ShotLine> lines = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            Scene scene = scenes.get(i);
            Route route = routes.get(i);
            ModelEntry model = route.model();
            Stage stage = model.kind().equals("video") ? Stage.CLIP : Stage.LIP_SYNC;
            lines.add(new ShotLine(scene.id(), scene.seconds(), stage, model.id(), model.vendor(), route.clips(), route.stitches(),
                    expected, spec.candidatesPerShot(), route.usdPerCandidate(), route.reason(),
                    route.fallbacks().stream().map(f -> f.model().id()).toList()));
        }
        ItemLine keyframes = new ItemLine(Stage.KEYFRAME, keyframeModel.id(), keyframeModel.vendor(), scenes.size(), scenes.size(),
                Pricing.image(keyframeModel) * scenes.size());
        int calls = 0;
        int characters = 0;
        double speech = 0;
        for (Scene scene : scenes) {
            if (scene.narration().isBlank()) continue; // nothing to say, no call
            calls++;
            characters += scene.narration().length();
            speech += Pricing.speech(speechModel, scene.narration().length());
        }
        return new CostEstimate(lines, keyframes, new ItemLine(Stage.VOICE, speechModel.id(), speechModel.vendor(), calls, characters, speech),
                storyboard.totalSeconds(), spec.candidateStrategy(), ACCEPTANCE_RATE, spec.budget());
    }

    /**
     * Candidates a shot is expected to pay for. Fixed: all of them. Adaptive: rounds of {@code inParallel} (the last
     * one smaller) while no clip so far was accepted, each clip accepted with probability {@code acceptance}.
     */
    public static double expectedCandidates(CandidateStrategy strategy, int most, int inParallel, double acceptance) {
        if (strategy == CandidateStrategy.FIXED) return most;
        double expected = 0;
        double noneYet = 1;
        for (int made = 0; made < most; ) {
            int round = Math.min(inParallel, most - made);
            expected += round * noneYet;
            noneYet *= Math.pow(1 - acceptance, round);
            made += round;
        }
        return expected;
    }

    public double clipsExpected() {
        return shots.stream().mapToDouble(ShotLine::expectedSubtotal).sum();
    }

    public double clipsWorst() {
        return shots.stream().mapToDouble(ShotLine::worstSubtotal).sum();
    }

    public double expectedTotal() {
        return clipsExpected() + keyframes.subtotal() + voice.subtotal();
    }

    /** The most a run can reserve: every shot paying for all its candidates. */
    public double worstTotal() {
        return clipsWorst() + keyframes.subtotal() + voice.subtotal();
    }

    public double expectedPerFinishedMinute() {
        return perMinute(expectedTotal());
    }

    public double worstPerFinishedMinute() {
        return perMinute(worstTotal());
    }

    /** How the estimate sits against the budget. */
    public enum BudgetCheck {
        /** No budget set. */
        NONE,
        /** Even the worst case fits. */
        FITS,
        /** The expected cost fits, the worst case does not: the run may stop early. */
        WORST_CASE_OVER,
        /** Even the expected cost does not fit. */
        EXPECTED_OVER
    }

    public BudgetCheck budgetCheck() {
        if (budget == null) return BudgetCheck.NONE;
        if (expectedTotal() > budget + 1e-9) return BudgetCheck.EXPECTED_OVER;
        if (worstTotal() > budget + 1e-9) return BudgetCheck.WORST_CASE_OVER;
        return BudgetCheck.FITS;
    }

    private double perMinute(double usd) {
        return videoSeconds > 0 ? usd / (videoSeconds / 60) : 0;
    }
}
