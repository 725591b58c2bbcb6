package dev.reelwright.core.cost;

import dev.reelwright.core.spi.Charge;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The run's money, safe to share between every shot in flight. A paid call first {@link #reserve reserves} its
 * estimate; the ledger refuses it when what is spent, plus what is reserved, plus the estimate would pass the budget,
 * so the budget holds however many calls run at once. When the call returns, {@link #settle} replaces the reservation
 * with the actual charge; a call that failed before it was charged {@link #release releases} it.
 *
 * <p>Amounts are kept in whole micro-dollars so that no rounding lets a run creep past its budget. A vendor that
 * charges more than its estimate can still take spending past the budget (the money is gone); every later paid
 * call is then refused, and {@link Summary#overBudget()} says so.
 */
public final class CostLedger {
    /** A call's estimate, held against the budget until it is settled or released. */
    public record Reservation(long id, Stage stage, String vendor, String model, double estimate) {}

    /** Estimated (the reserved estimates of settled calls) and actual dollars of some calls, and how many. */
    public record Amount(double estimated, double actual, int calls) {}

    /**
     * A snapshot. {@code estimated} sums the estimates of settled calls, {@code actual} their charges, and
     * {@code actualFromCatalog} the part of those charges that is itself the catalog's estimate (the vendor reported
     * none). {@code reserved} is still in flight; {@code refused} counts calls not sent for the budget.
     */
    public record Summary(Double budget, double reserved, double estimated, double actual, double actualFromCatalog,
                          Map<String, Amount> byVendor, Map<Stage, Amount> byStage, int refused) {
        public boolean overBudget() {
            return budget != null && actual > budget + 1e-9;
        }

        /** Actual dollars per minute of finished video. */
        public double perFinishedMinute(double videoSeconds) {
            return videoSeconds > 0 ? actual / (videoSeconds / 60) : 0;
        }

        public double estimatedPerFinishedMinute(double videoSeconds) {
            return videoSeconds > 0 ? estimated / (videoSeconds / 60) : 0;
        }
    }

    private final Long budgetMicros;
    private final Map<Long, Reservation> open = new HashMap<>();
    private final Map<String, long[]> byVendor = new TreeMap<>();
    private final Map<Stage, long[]> byStage = new EnumMap<>(Stage.class);
    private long reservedMicros;
    private long spentMicros;
    private long estimatedMicros;
    private long fromCatalogMicros;
    private long nextId = 1;
    private int refused;

    /** @param budget dollars the run may spend; null for no limit */
    public CostLedger(Double budget) {
        if (budget != null && (budget < 0 || budget.isNaN())) throw new IllegalArgumentException("a budget cannot be negative");
        this.budgetMicros = budget == null ? null : micros(budget);
    }

    public static CostLedger unlimited() {
        return new CostLedger(null);
    }

    /**
     * Holds {@code estimate} dollars for a call about to be sent.
     *
     * @throws BudgetExceeded when the call would pass the budget; nothing is held then and the call must not be sent
     */
    public synchronized Reservation reserve(Stage stage, String vendor, String model, double estimate) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(vendor, "vendor");
        if (estimate < 0 || Double.isNaN(estimate)) throw new IllegalArgumentException("an estimate cannot be negative");
        long asked = micros(estimate);
        long committed = spentMicros + reservedMicros;
        // A free call is never refused, even after an overrun: it costs nothing.
        if (budgetMicros != null && asked > 0 && committed + asked > budgetMicros) {
            refused++;
            throw new BudgetExceeded(dollars(budgetMicros), dollars(committed), estimate, stage, vendor, model == null ? "" : model);
        }
        Reservation reservation = new Reservation(nextId++, stage, vendor, model == null ? "" : model, dollars(asked));
        reservedMicros += asked;
        open.put(reservation.id(), reservation);
        return reservation;
    }

    /** The call returned and cost {@code actual}: the reservation becomes spending. */
    public synchronized void settle(Reservation reservation, Charge actual) {
        Objects.requireNonNull(actual, "actual");
        Reservation held = close(reservation);
        long estimate = micros(held.estimate());
        long paid = micros(actual.usd());
        spentMicros += paid;
        estimatedMicros += estimate;
        if (actual.estimated()) fromCatalogMicros += paid;
        add(byVendor.computeIfAbsent(held.vendor(), v -> new long[3]), estimate, paid);
        add(byStage.computeIfAbsent(held.stage(), s -> new long[3]), estimate, paid);
    }

    /** The call failed before anything was charged: its estimate goes back to the budget. */
    public synchronized void release(Reservation reservation) {
        close(reservation);
    }

    /** Dollars that may still be reserved; infinite without a budget. */
    public synchronized double remaining() {
        if (budgetMicros == null) return Double.POSITIVE_INFINITY;
        return dollars(Math.max(0, budgetMicros - spentMicros - reservedMicros));
    }

    public synchronized Summary summary() {
        return new Summary(budgetMicros == null ? null : dollars(budgetMicros), dollars(reservedMicros), dollars(estimatedMicros),
                dollars(spentMicros), dollars(fromCatalogMicros), amounts(byVendor), amounts(byStage), refused);
    }

    private Reservation close(Reservation reservation) {
        Objects.requireNonNull(reservation, "reservation");
        Reservation held = open.remove(reservation.id());
        if (held == null) throw new IllegalStateException("reservation " + reservation.id() + " was already settled or released");
        reservedMicros -= micros(held.estimate());
        return held;
    }

    private static void add(long[] totals, long estimate, long paid) {
        totals[0] += estimate;
        totals[1] += paid;
        totals[2]++;
    }

    private static <K> Map<K, Amount> amounts(Map<K, long[]> totals) {
        Map<K, Amount> out = new TreeMap<>();
        totals.forEach((key, t) -> out.put(key, new Amount(dollars(t[0]), dollars(t[1]), (int) t[2])));
        return Collections.unmodifiableMap(out);
    }

    static long micros(double usd) {
        return Math.round(usd * 1_000_000);
    }

    static double dollars(long micros) {
        return micros / 1_000_000.0;
    }
}
