package dev.reelwright.core.pipeline;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Scene;
import dev.reelwright.core.routing.Route;
import dev.reelwright.core.routing.Router;
import dev.reelwright.core.spi.VideoGenerator;
import java.util.function.Function;

/**
 * Which model makes each shot's clip, and the generator for a model: the router's choice (with its fallbacks) and
 * the vendor adapter that serves it. The CLI builds it from the catalog and the configured vendors.
 */
public interface ClipModels {
    /** The shot's route: the model, why, and what to try when its vendor fails. */
    Route route(Scene scene, ProductionSpec spec);

    /** The generator that makes clips with {@code model}. */
    VideoGenerator generator(ModelEntry model);

    /** The router's choice per shot, and {@code generators} to build the adapter for a chosen model. */
    static ClipModels of(Router router, Function<ModelEntry, VideoGenerator> generators) {
        return new ClipModels() {
            @Override
            public Route route(Scene scene, ProductionSpec spec) {
                return router.route(scene, spec);
            }

            @Override
            public VideoGenerator generator(ModelEntry model) {
                return generators.apply(model);
            }
        };
    }
}
