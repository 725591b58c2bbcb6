package dev.reelwright.providers.spi;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.providers.fal.FalModule;
import dev.reelwright.providers.openai.OpenAiModule;
import dev.reelwright.providers.anthropic.AnthropicModule;
import dev.reelwright.providers.google.GoogleModule;
import dev.reelwright.providers.elevenlabs.ElevenLabsModule;
import dev.reelwright.providers.runway.RunwayModule;
import dev.reelwright.providers.kling.KlingModule;
import dev.reelwright.providers.comfyui.ComfyUIModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every vendor package Reelwright ships, in one list (no classpath scanning, no hidden registration). */
public final class Vendors {
    private final List<VendorModule> modules;

    public Vendors(List<VendorModule> modules) {
        this.modules = List.copyOf(modules);
    }

    /** The shipped vendors over the bundled catalog. */
    public static Vendors shipped() {
        return shipped(ModelCatalog.bundled());
    }

    /**
     * The shipped vendors, those that look models up for themselves (OpenAI's transcription model for speech
     * timings, Kling's base clip model for lip sync, the models fal and Google check with) looking in
     * {@code catalog}: the run's own, with production.yaml's overrides. Each vendor package adds its module here.
     */
    public static Vendors shipped(ModelCatalog catalog) {
        List<VendorModule> modules = new ArrayList<>();
        modules.add(new FalModule(catalog));
        modules.add(new OpenAiModule(catalog));
        modules.add(new AnthropicModule());
        modules.add(new GoogleModule(catalog));
        modules.add(new ElevenLabsModule());
        modules.add(new RunwayModule());
        modules.add(new KlingModule(catalog));
        modules.add(new ComfyUIModule());
        return new Vendors(modules);
    }

    public List<VendorModule> all() {
        return modules;
    }

    public Optional<VendorModule> find(String vendor) {
        return modules.stream().filter(m -> m.vendor().equals(vendor)).findFirst();
    }
}
