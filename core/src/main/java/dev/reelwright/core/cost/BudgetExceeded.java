package dev.reelwright.core.cost;

import dev.reelwright.core.error.ReelwrightException;
import java.util.Locale;

/**
 * A paid call was not sent because it would take the run past its budget. Not bad input: the run stops cleanly
 * with what it has and says so.
 */
public final class BudgetExceeded extends ReelwrightException {
    private final double budget;
    private final double committed;
    private final double asked;

    BudgetExceeded(double budget, double committed, double asked, Stage stage, String vendor, String model) {
        super(String.format(Locale.ROOT, "budget $%.2f reached: $%.2f spent or reserved, and a %s call to %s (%s, about $%.2f) "
                + "would pass it, so it was not sent", budget, committed, stage.label(), vendor, model, asked));
        this.budget = budget;
        this.committed = committed;
        this.asked = asked;
    }

    public double budget() {
        return budget;
    }

    /** What was spent or reserved when the call was refused. */
    public double committed() {
        return committed;
    }

    /** The refused call's estimate. */
    public double asked() {
        return asked;
    }
}
