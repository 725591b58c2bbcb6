package dev.reelwright.core.spi;

import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.script.Script;

/** Script -> storyboard: scenes with narration, visual prompt, camera move, mood and a planned length. */
public interface ScenePlanner {
    /** A stable name, shown in reports. */
    String id();

    Storyboard plan(Script script, ProductionSpec spec);

    /** A storyboard and what planning it cost. */
    record Plan(Storyboard storyboard, Charge charge) {
        public Plan {
            charge = charge == null ? Charge.FREE : charge;
        }
    }

    /** As {@link #plan}, with the call's cost; planners that pay for a model override this to report it. */
    default Plan planWithCost(Script script, ProductionSpec spec) {
        return new Plan(plan(script, spec), Charge.FREE);
    }
}
