package dev.reelwright.cli.command;

import dev.reelwright.cli.Environment;
import dev.reelwright.cli.ProviderSelection;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.model.Aspect;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Resolution;
import dev.reelwright.core.model.SpecLoader;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.pipeline.Providers;
import dev.reelwright.core.pipeline.StoryboardLoader;
import dev.reelwright.core.step.StepCache;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input and production.yaml options that plan, estimate and make share. */
public final class ProductionOptions {
    @Parameters(index = "0", paramLabel = "SCRIPT|STORYBOARD",
            description = "A script (.md or .txt) to plan, or a storyboard.json written by 'plan' or 'make' (possibly edited).")
    Path input;

    @Option(names = "--spec", paramLabel = "production.yaml",
            description = "Production settings (aspect, resolution, fps, voice, words_per_minute, music, captions, brand, ...). "
                    + "Default: production.yaml next to the script, if there is one.")
    Path spec;

    @Option(names = "--aspect", paramLabel = "16:9|9:16|1:1", converter = AspectConverter.class,
            description = "Frame shape; overrides production.yaml. 16:9 for YouTube, 9:16 for Reels and Shorts, 1:1 for feeds.")
    Aspect aspect;

    @Option(names = "--resolution", paramLabel = "720p|1080p", converter = ResolutionConverter.class,
            description = "Output resolution; overrides production.yaml. Default 1080p.")
    Resolution resolution;

    /** production.yaml as named, or found beside the input, with the command-line overrides applied. */
    public ProductionSpec loadSpec() {
        Path file = spec;
        if (file == null && input != null) {
            Path beside = input.toAbsolutePath().resolveSibling("production.yaml");
            if (Files.isRegularFile(beside)) file = beside;
        }
        ProductionSpec loaded = SpecLoader.load(file);
        if (aspect != null) loaded = loaded.withAspect(aspect);
        if (resolution != null) loaded = loaded.withResolution(resolution);
        return loaded;
    }

    /**
     * The production as the user described it: settings, and the storyboard planned from the script if need be
     * ({@code plan} is that planning step, cached in the production folder, or null for a storyboard.json).
     */
    public record Loaded(ProductionSpec spec, StoryboardLoader.Loaded plan, ProviderSelection selection) {
        public Storyboard storyboard() {
            return plan.storyboard();
        }

        public Providers providers() {
            return selection.providers(spec);
        }
    }

    /** Loads settings and storyboard; a script is planned as a cached step in {@code folder}'s cache. */
    public Loaded load(Environment environment, Path folder) {
        ProductionSpec loaded = loadSpec();
        ProviderSelection selection = ProviderSelection.forRun(loaded, environment);
        var cache = new StepCache(folder.toAbsolutePath().normalize().resolve("cache"));
        return new Loaded(loaded, StoryboardLoader.load(input(), loaded, selection.planner(loaded), cache), selection);
    }

    public Path input() {
        if (input == null) throw new InputException("name a script or storyboard.json");
        return input;
    }

    static final class AspectConverter implements ITypeConverter<Aspect> {
        @Override
        public Aspect convert(String value) {
            return Aspect.parse(value);
        }
    }

    static final class ResolutionConverter implements ITypeConverter<Resolution> {
        @Override
        public Resolution convert(String value) {
            return Resolution.parse(value);
        }
    }
}
