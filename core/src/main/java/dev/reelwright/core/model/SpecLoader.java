package dev.reelwright.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.json.AtomicFiles;
import dev.reelwright.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads production.yaml and resolves the files it names against the spec's own folder. */
public final class SpecLoader {
    public static final String FILE_NAME = "production.yaml";

    private SpecLoader() {}

    /**
     * Writes the settings a folder was made with beside its storyboard.json, so that
     * {@code make DIR/storyboard.json} later renders with the same settings. Files are written as absolute paths.
     */
    public static void write(Path specFile, ProductionSpec spec) {
        try {
            ObjectNode tree = Json.yaml().valueToTree(spec);
            if (spec.music() != null) tree.put("music", spec.music().toAbsolutePath().toString());
            if (spec.catalog() != null) tree.put("catalog", spec.catalog().toAbsolutePath().toString());
            String yaml = "# The settings this folder was made with. 'reelwright make storyboard.json' here uses them.\n"
                    + Json.yaml().writeValueAsString(tree).replaceFirst("^---\\s*\n", "");
            AtomicFiles.writeString(specFile, yaml);
        } catch (JsonProcessingException e) {
            throw new ReelwrightException("cannot write " + specFile, e);
        }
    }

    public static ProductionSpec load(Path specFile) {
        if (specFile == null) return ProductionSpec.DEFAULTS;
        if (!Files.isRegularFile(specFile)) throw InputException.in(specFile, "no such file");
        ProductionSpec spec = Json.readYaml(specFile, ProductionSpec.class);
        if (spec.music() != null) spec = spec.withMusic(resolve(specFile, "music", spec.music()));
        if (spec.catalog() != null) spec = spec.withCatalog(resolve(specFile, "catalog", spec.catalog()));
        return spec;
    }

    /** A file production.yaml names, relative to the spec's own folder; it must exist. */
    private static Path resolve(Path specFile, String key, Path named) {
        Path file = specFile.toAbsolutePath().getParent().resolve(named).normalize();
        if (!Files.isRegularFile(file)) throw InputException.in(specFile, key + " file '" + named + "' not found (looked at " + file + ")");
        return file;
    }
}
