package dev.reelwright.providers.spi;

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
        modules.add(new dev.reelwright.providers.fal.FalModule());
        modules.add(new dev.reelwright.providers.openai.OpenAiModule());
        modules.add(new dev.reelwright.providers.anthropic.AnthropicModule());
        modules.add(new dev.reelwright.providers.google.GoogleModule());
        modules.add(new dev.reelwright.providers.elevenlabs.ElevenLabsModule());
        return new Vendors(modules);
    }

    public List<VendorModule> all() {
        return modules;
    }

    public Optional<VendorModule> find(String vendor) {
        return modules.stream().filter(m -> m.vendor().equals(vendor)).findFirst();
    }
}
