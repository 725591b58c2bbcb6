package dev.reelwright.core.pipeline;

import dev.reelwright.core.cost.BudgetExceeded;
import dev.reelwright.core.cost.CostLedger;
import dev.reelwright.core.cost.Stage;
import dev.reelwright.core.spi.Charge;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The run's budget around each paid call: reserve the estimate, send, settle the actual charge (or release the
 * estimate when the call failed). After the first refusal the run is stopping, so every later paid call is refused
 * too, however small: shots still in flight finish, nothing new is started.
 */
final class Spending {
    private final CostLedger ledger;
    private volatile BudgetExceeded stopped;

    Spending(CostLedger ledger) {
        this.ledger = ledger;
    }

    CostLedger ledger() {
        return ledger;
    }

    /** The refusal that stopped the run, or null. */
    BudgetExceeded stopped() {
        return stopped;
    }

    /** Runs one paid call; free calls (an estimate of 0 from the embedded models) go straight through. */
    <T> T call(Stage stage, String vendor, String model, double estimate, Supplier<T> call, Function<T, Charge> charge) {
        if (estimate <= 0 && vendor.equals("local")) return call.get();
        if (stopped != null) throw stopped;
        CostLedger.Reservation reservation;
        try {
            reservation = ledger.reserve(stage, vendor, model, estimate);
        } catch (BudgetExceeded refused) {
            stopped = refused;
            throw refused;
        }
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | Error e) {
            ledger.release(reservation);
            throw e;
        }
        ledger.settle(reservation, charge.apply(result));
        return result;
    }
}
