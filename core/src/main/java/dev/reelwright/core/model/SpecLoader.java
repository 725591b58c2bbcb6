package dev.reelwright.core.model;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads production.yaml and resolves the files it names against the spec's own folder. */
public final class SpecLoader {
    private SpecLoader() {}

    public static ProductionSpec load(Path specFile) {
        if (specFile == null) return ProductionSpec.DEFAULTS;
        if (!Files.isRegularFile(specFile)) throw InputException.in(specFile, "no such file");
        ProductionSpec spec = Json.readYaml(specFile, ProductionSpec.class);
        if (spec.music() == null) return spec;
        Path folder = specFile.toAbsolutePath().getParent();
        Path music = folder.resolve(spec.music()).normalize();
        if (!Files.isRegularFile(music)) {
            throw InputException.in(specFile, "music file '" + spec.music() + "' not found (looked at " + music + ")");
        }
        return spec.withMusic(music);
    }
}
