package dev.reelwright.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.CandidateStrategy;
import dev.reelwright.core.model.Mood;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Scene;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.model.TitleCard;
import dev.reelwright.core.routing.Route;
import dev.reelwright.core.routing.Router;
import dev.reelwright.core.spi.Charge;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CostEstimateTest {
    private static final ModelCatalog CATALOG = ModelCatalog.bundled();
    private static final ModelEntry FLUX = CATALOG.find("fal/flux-pro-v1.1").orElseThrow();
    private static final ModelEntry ELEVEN = CATALOG.find("elevenlabs/multilingual-v2").orElseThrow();
    /** 6 s, 12 s (chained) and 4 s shots, plus a 2 s title card: 24 s of video. */
    private static final Storyboard STORYBOARD = new Storyboard("Test", new TitleCard("Test", 2), List.of(
            new Scene("s1", null, "Runners sprint along the beach at first light.", "Runners sprint along the beach", CameraMove.PAN_RIGHT,
                    Mood.JOYFUL, 6, 1),
            new Scene("s2", null, "The coast opens out below the cliffs, mile after mile.", "A wide coast under cliffs", CameraMove.CRANE_UP,
                    Mood.CALM, 12, 2),
            new Scene("s3", null, "", "A shell on wet sand", CameraMove.STATIC, Mood.CALM, 4, 3)));

    private static ProductionSpec spec(String yaml) throws JsonProcessingException {
        return Json.yaml().readValue("models: {clips: auto}\n" + yaml, ProductionSpec.class);
    }

    private static CostEstimate estimate(ProductionSpec spec) {
        List<Route> routes = new Router(CATALOG, v -> true).routeAll(STORYBOARD, spec);
        return CostEstimate.of(STORYBOARD, spec, routes, FLUX, ELEVEN);
    }

    @Test
    void adaptiveCandidatesAreExpectedFromTheAcceptanceRateAndCappedAtTheMost() {
        assertThat(CostEstimate.expectedCandidates(CandidateStrategy.FIXED, 3, 1, 0.65)).isEqualTo(3);
        // One at a time: the first always, the second if it failed (0.35), the third if both did (0.35^2).
        assertThat(CostEstimate.expectedCandidates(CandidateStrategy.ADAPTIVE, 3, 1, 0.65)).isCloseTo(1 + 0.35 + 0.1225, within(1e-12));
        // Two at once, then the last one only when neither of the two passed.
        assertThat(CostEstimate.expectedCandidates(CandidateStrategy.ADAPTIVE, 3, 2, 0.65)).isCloseTo(2 + 0.1225, within(1e-12));
        assertThat(CostEstimate.expectedCandidates(CandidateStrategy.ADAPTIVE, 1, 1, 0.65)).isEqualTo(1);
    }

    @Test
    void linesAddUpToTheTotalsAndThePerMinuteCost() throws JsonProcessingException {
        CostEstimate estimate = estimate(spec("candidate_strategy: fixed\ncandidates_per_shot: 2\npolicy: cost\n"));

        assertThat(estimate.shots()).extracting(CostEstimate.ShotLine::scene).containsExactly("s1", "s2", "s3");
        CostEstimate.ShotLine chained = estimate.shots().get(1);
        assertThat(chained.clips()).isEqualTo(2);
        assertThat(chained.stitches()).isEqualTo(1);
        // Cost policy: Kling 2.5 turbo pro at $0.07/s; 12 s is a 10 s clip and a 5 s clip.
        assertThat(chained.model()).isEqualTo("fal/kling-v2.5-turbo-pro-i2v");
        assertThat(chained.unitPrice()).isCloseTo(15 * 0.07, within(1e-12));
        assertThat(chained.worstSubtotal()).isCloseTo(2 * 15 * 0.07, within(1e-12));
        assertThat(chained.expectedSubtotal()).isEqualTo(chained.worstSubtotal());

        assertThat(estimate.keyframes()).isEqualTo(new CostEstimate.ItemLine(Stage.KEYFRAME, FLUX.id(), "fal", 3, 3, 3 * 0.04));
        int characters = STORYBOARD.scenes().get(0).narration().length() + STORYBOARD.scenes().get(1).narration().length();
        assertThat(estimate.voice().calls()).isEqualTo(2); // s3 says nothing
        assertThat(estimate.voice().units()).isEqualTo(characters);
        assertThat(estimate.voice().subtotal()).isCloseTo(characters * 0.18 / 1000, within(1e-12));

        double clips = estimate.shots().stream().mapToDouble(l -> l.unitPrice() * 2).sum();
        assertThat(estimate.worstTotal()).isCloseTo(clips + 3 * 0.04 + characters * 0.18 / 1000, within(1e-12));
        assertThat(estimate.worstPerFinishedMinute()).isCloseTo(estimate.worstTotal() / (24 / 60.0), within(1e-12));
        assertThat(estimate.budgetCheck()).isEqualTo(CostEstimate.BudgetCheck.NONE);
    }

    /** What a run reserves, call by call, the way make does: a keyframe a scene, a whole take a candidate, speech a scene. */
    private static double reserveLikeARun(ProductionSpec spec, CostLedger ledger, SplittableRandom acceptance) {
        Router router = new Router(CATALOG, v -> true);
        for (Scene scene : STORYBOARD.scenes()) {
            ledger.settle(ledger.reserve(Stage.KEYFRAME, "fal", FLUX.model(), Pricing.image(FLUX)), Charge.FREE);
            if (!scene.narration().isBlank()) {
                ledger.settle(ledger.reserve(Stage.VOICE, "elevenlabs", ELEVEN.model(), Pricing.speech(ELEVEN, scene.narration().length())),
                        Charge.FREE);
            }
            Route route = router.route(scene, spec);
            double take = Pricing.take(route.model(), scene.seconds(), spec.resolution());
            boolean accepted = false;
            for (int made = 0; made < spec.candidatesPerShot() && !accepted; ) {
                int round = Math.min(spec.candidatesInParallel(), spec.candidatesPerShot() - made);
                for (int c = 0; c < round; c++) {
                    ledger.settle(ledger.reserve(Stage.CLIP, route.model().vendor(), route.model().model(), take), Charge.FREE);
                    if (spec.candidateStrategy() == CandidateStrategy.ADAPTIVE && acceptance.nextDouble() < CostEstimate.ACCEPTANCE_RATE) {
                        accepted = true;
                    }
                }
                made += round;
            }
        }
        return ledger.summary().estimated();
    }

    @Test
    void theEstimateEqualsTheSumOfEveryAmountARunReserves() throws JsonProcessingException {
        ProductionSpec fixed = spec("candidate_strategy: fixed\ncandidates_per_shot: 3\npolicy: balanced\n");
        CostEstimate estimate = estimate(fixed);

        double reserved = reserveLikeARun(fixed, CostLedger.unlimited(), new SplittableRandom(1));

        assertThat(reserved).isCloseTo(estimate.worstTotal(), within(1e-5)).isCloseTo(estimate.expectedTotal(), within(1e-5));
    }

    @Test
    void anAdaptiveRunReservesTheExpectedAmountOnAverageAndNeverMoreThanTheWorstCase() throws JsonProcessingException {
        ProductionSpec adaptive = spec("candidates_per_shot: 3\ncandidates_in_parallel: 2\npolicy: quality\n");
        CostEstimate estimate = estimate(adaptive);
        SplittableRandom random = new SplittableRandom(42);

        int runs = 20_000;
        double sum = 0;
        double most = 0;
        for (int i = 0; i < runs; i++) {
            double reserved = reserveLikeARun(adaptive, CostLedger.unlimited(), random);
            sum += reserved;
            most = Math.max(most, reserved);
        }

        assertThat(sum / runs).isCloseTo(estimate.expectedTotal(), within(estimate.expectedTotal() * 0.01));
        assertThat(most).isLessThanOrEqualTo(estimate.worstTotal() + 1e-5);
        assertThat(estimate.expectedTotal()).isLessThan(estimate.worstTotal());
    }

    @Test
    void theBudgetCheckSaysWhetherTheExpectedOrOnlyTheWorstCasePassesIt() throws JsonProcessingException {
        CostEstimate probe = estimate(spec("policy: cost\n"));
        double between = (probe.expectedTotal() + probe.worstTotal()) / 2;

        assertThat(estimate(spec("policy: cost\nbudget: " + (probe.worstTotal() + 1) + "\n")).budgetCheck()).isEqualTo(CostEstimate.BudgetCheck.FITS);
        assertThat(estimate(spec("policy: cost\nbudget: " + between + "\n")).budgetCheck()).isEqualTo(CostEstimate.BudgetCheck.WORST_CASE_OVER);
        assertThat(estimate(spec("policy: cost\nbudget: " + probe.expectedTotal() / 2 + "\n")).budgetCheck())
                .isEqualTo(CostEstimate.BudgetCheck.EXPECTED_OVER);
    }
}
