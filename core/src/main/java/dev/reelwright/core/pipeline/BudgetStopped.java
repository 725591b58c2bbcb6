package dev.reelwright.core.pipeline;

import dev.reelwright.core.cost.BudgetExceeded;
import dev.reelwright.core.cost.CostLedger;
import dev.reelwright.core.error.ReelwrightException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The run stopped because its next paid call would have passed the budget. Nothing was half-written: every step
 * that finished is in the cache, so raising the budget and running make again pays only for what is missing.
 */
public final class BudgetStopped extends ReelwrightException {
    private final CostLedger.Summary spent;

    public BudgetStopped(BudgetExceeded refused, CostLedger.Summary spent, Path cache) {
        super(String.format(Locale.ROOT, "stopped: %s. Spent $%.2f. Everything made so far is kept in %s; raise 'budget' in "
                + "production.yaml and run make again: nothing already paid for is paid again", refused.getMessage(), spent.actual(), cache), refused);
        this.spent = spent;
    }

    public CostLedger.Summary spent() {
        return spent;
    }
}
