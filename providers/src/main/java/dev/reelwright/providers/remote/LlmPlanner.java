package dev.reelwright.providers.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.script.Script;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.ScenePlanner;
import java.util.function.Supplier;

/**
 * The flow every LLM planner shares around {@link PlannerSchema}: the vendor asks its model with the schema's
 * instructions and user message in its own wire format and hands back the storyboard JSON; this class maps it,
 * rejects a storyboard that rewrote the narration, and reports the charge.
 */
public abstract class LlmPlanner implements ScenePlanner {
    /** A storyboard and what the call cost (the SPI returns only the storyboard). */
    public record Planned(Storyboard storyboard, Charge charge) {}

    /** The model's storyboard JSON, and the call's cost, priced only once the storyboard has been accepted. */
    public record Answer(JsonNode storyboard, Supplier<Charge> charge) {}

    protected final ModelEntry model;
    private final String vendor;

    protected LlmPlanner(String vendor, ModelEntry model) {
        this.vendor = vendor;
        this.model = model;
    }

    @Override
    public String id() {
        return model.id() + "@" + model.model();
    }

    @Override
    public Storyboard plan(Script script, ProductionSpec spec) {
        return planned(script, spec).storyboard();
    }

    @Override
    public Plan planWithCost(Script script, ProductionSpec spec) {
        Planned planned = planned(script, spec);
        return new Plan(planned.storyboard(), planned.charge());
    }

    public final Planned planned(Script script, ProductionSpec spec) {
        Answer answer = ask(PlannerSchema.instructions(spec), PlannerSchema.userMessage(script));
        Storyboard storyboard = PlannerSchema.toStoryboard(vendor, answer.storyboard(), script, spec);
        if (!PlannerSchema.keepsNarration(script, storyboard)) {
            throw VendorException.of(vendor, Kind.BAD_OUTPUT, "the planner rewrote the narration");
        }
        return new Planned(storyboard, answer.charge().get());
    }

    /**
     * One call to the model in the vendor's wire format, with {@link PlannerSchema#schema()} as its answer's shape.
     * Throws for what the vendor's answer itself says went wrong (a refusal, a truncated or missing storyboard).
     */
    protected abstract Answer ask(String instructions, String userMessage);
}
