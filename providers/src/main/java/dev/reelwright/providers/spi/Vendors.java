package dev.reelwright.providers.spi;

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

    /** The shipped vendors. Each vendor package adds its module here. */
    public static Vendors shipped() {
        List<VendorModule> modules = new ArrayList<>();
        modules.add(new FalModule());
        modules.add(new OpenAiModule());
        modules.add(new AnthropicModule());
        modules.add(new GoogleModule());
        modules.add(new ElevenLabsModule());
        modules.add(new RunwayModule());
        modules.add(new KlingModule());
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
