package dev.reelwright.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelwright.core.spi.Charge;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CostLedgerTest {
    @Test
    void aReservationHoldsItsEstimateUntilSettledWithTheActualCharge() {
        CostLedger ledger = new CostLedger(10.0);
        CostLedger.Reservation clip = ledger.reserve(Stage.CLIP, "fal", "kling", 4.0);
        assertThat(ledger.remaining()).isEqualTo(6.0);

        ledger.settle(clip, new Charge("fal", "kling", 3.5, false));

        CostLedger.Summary summary = ledger.summary();
        assertThat(summary.reserved()).isZero();
        assertThat(summary.estimated()).isEqualTo(4.0);
        assertThat(summary.actual()).isEqualTo(3.5);
        assertThat(summary.actualFromCatalog()).isZero();
        assertThat(summary.byVendor()).containsEntry("fal", new CostLedger.Amount(4.0, 3.5, 1));
        assertThat(summary.byStage()).containsEntry(Stage.CLIP, new CostLedger.Amount(4.0, 3.5, 1));
        assertThat(ledger.remaining()).isEqualTo(6.5);
        assertThat(summary.perFinishedMinute(30)).isEqualTo(7.0);
    }

    @Test
    void aCallThatWouldPassTheBudgetIsRefusedAndNothingIsHeld() {
        CostLedger ledger = new CostLedger(5.0);
        ledger.reserve(Stage.CLIP, "fal", "kling", 3.0);

        assertThatThrownBy(() -> ledger.reserve(Stage.CLIP, "runway", "gen4.5", 2.5))
                .isInstanceOf(BudgetExceeded.class)
                .hasMessage("budget $5.00 reached: $3.00 spent or reserved, and a clip call to runway (gen4.5, about $2.50) would pass it, "
                        + "so it was not sent");
        assertThat(ledger.summary().reserved()).isEqualTo(3.0);
        assertThat(ledger.summary().refused()).isEqualTo(1);
        // Exactly up to the budget is allowed, and free calls always are.
        ledger.reserve(Stage.CLIP, "fal", "kling", 2.0);
        ledger.reserve(Stage.KEYFRAME, "local", "procedural", 0);
        assertThat(ledger.remaining()).isZero();
    }

    @Test
    void aReleasedReservationGoesBackToTheBudgetAndCannotBeSettledTwice() {
        CostLedger ledger = new CostLedger(1.0);
        CostLedger.Reservation failed = ledger.reserve(Stage.CLIP, "fal", "kling", 0.9);
        ledger.release(failed);
        assertThat(ledger.remaining()).isEqualTo(1.0);
        assertThatThrownBy(() -> ledger.settle(failed, Charge.FREE)).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.summary().byVendor()).isEmpty();
    }

    @Test
    void aVendorChargingMoreThanItsEstimateIsReportedAndStopsFurtherPaidCalls() {
        CostLedger ledger = new CostLedger(1.0);
        ledger.settle(ledger.reserve(Stage.CLIP, "google", "veo", 0.8), new Charge("google", "veo", 1.2, true));

        assertThat(ledger.summary().overBudget()).isTrue();
        assertThat(ledger.summary().actualFromCatalog()).isEqualTo(1.2);
        assertThat(ledger.remaining()).isZero();
        assertThatThrownBy(() -> ledger.reserve(Stage.VOICE, "elevenlabs", "v2", 0.01)).isInstanceOf(BudgetExceeded.class);
    }

    @Test
    void withoutABudgetEverythingIsSentAndCounted() {
        CostLedger ledger = CostLedger.unlimited();
        for (int i = 0; i < 100; i++) ledger.settle(ledger.reserve(Stage.CLIP, "fal", "kling", 1.0), new Charge("fal", "kling", 1.0, true));
        assertThat(ledger.summary().actual()).isEqualTo(100.0);
        assertThat(ledger.remaining()).isInfinite();
    }

    /**
     * Property: however many shots reserve, settle and release at once, spending plus reservations never pass the
     * budget, and at the end every dollar is accounted for by vendor and by stage. Each seed is one random run:
     * 16 threads, random estimates, actual charges at or under the estimate, some calls failing before charging.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void theBudgetIsNeverExceededByConcurrentShots(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        double budget = Math.round((5 + random.nextDouble() * 50) * 100) / 100.0; // whole cents
        CostLedger ledger = new CostLedger(budget);
        int threads = 16;
        String[] vendors = {"fal", "google", "runway", "kling"};
        Stage[] stages = {Stage.CLIP, Stage.KEYFRAME, Stage.VOICE};
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong violations = new AtomicLong();
        AtomicLong refusals = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            // A watcher reads snapshots while the shots run: none may show more committed than the budget.
            Future<?> watcher = pool.submit(() -> {
                while (running.get()) {
                    CostLedger.Summary s = ledger.summary();
                    if (s.actual() + s.reserved() > budget + 1e-9) violations.incrementAndGet();
                }
            });
            List<Future<double[]>> shots = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SplittableRandom own = random.split();
                shots.add(pool.submit(() -> {
                    start.await();
                    double paid = 0;
                    for (int call = 0; call < 400; call++) {
                        double estimate = own.nextDouble() * budget / 20;
                        String vendor = vendors[own.nextInt(vendors.length)];
                        try {
                            CostLedger.Reservation r = ledger.reserve(stages[own.nextInt(stages.length)], vendor, "m", estimate);
                            if (own.nextInt(5) == 0) {
                                ledger.release(r);
                            } else {
                                double actual = r.estimate() * own.nextDouble();
                                ledger.settle(r, new Charge(vendor, "m", actual, own.nextBoolean()));
                                paid += CostLedger.dollars(CostLedger.micros(actual));
                            }
                        } catch (BudgetExceeded refused) {
                            refusals.incrementAndGet();
                            assertThat(refused.committed() + refused.asked()).isGreaterThan(budget - 1e-6);
                        }
                    }
                    return new double[] {paid};
                }));
            }
            start.countDown();
            double paid = 0;
            for (Future<double[]> shot : shots) paid += shot.get()[0];
            running.set(false);
            watcher.get();

            CostLedger.Summary end = ledger.summary();
            assertThat(violations.get()).isZero();
            assertThat(refusals.get()).as("the budget was binding").isPositive().isEqualTo(end.refused());
            assertThat(end.reserved()).isZero();
            assertThat(end.actual()).isLessThanOrEqualTo(budget).isCloseTo(paid, within(1e-6));
            assertThat(end.byVendor().values().stream().mapToDouble(CostLedger.Amount::actual).sum()).isCloseTo(end.actual(), within(1e-6));
            assertThat(end.byStage().values().stream().mapToDouble(CostLedger.Amount::estimated).sum()).isCloseTo(end.estimated(), within(1e-6));
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }
}
