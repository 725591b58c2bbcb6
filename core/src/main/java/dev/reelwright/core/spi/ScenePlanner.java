package dev.reelwright.core.spi;

import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.script.Script;

/** Script -> storyboard: scenes with narration, visual prompt, camera move, mood and a planned length. */
public interface ScenePlanner {
    /** A stable name, shown in reports. */
    String id();

    Storyboard plan(Script script, ProductionSpec spec);
}
