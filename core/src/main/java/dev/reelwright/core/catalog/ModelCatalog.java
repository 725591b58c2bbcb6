package dev.reelwright.core.catalog;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every model Reelwright knows, loaded from the bundled {@code models.yaml}; a user's own file with the same shape
 * adds models or replaces bundled ones by id.
 */
public final class ModelCatalog {
    private static final String RESOURCE = "/dev/reelwright/core/catalog/models.yaml";

    /** The file's shape: a list under {@code models}. */
    public record CatalogFile(List<ModelEntry> models) {
        public CatalogFile {
            models = models == null ? List.of() : List.copyOf(models);
        }
    }

    private final Map<String, ModelEntry> models;
    private final List<ModelEntry> ordered;

    public ModelCatalog(List<ModelEntry> entries) {
        var byId = new LinkedHashMap<String, ModelEntry>();
        for (ModelEntry entry : entries) byId.put(entry.id(), entry);
        this.models = Map.copyOf(byId);
        this.ordered = List.copyOf(byId.values());
    }

    public static ModelCatalog bundled() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new ReelwrightException("the bundled model catalog is missing from the jar");
            return new ModelCatalog(Json.yaml().readValue(in, CatalogFile.class).models());
        } catch (IOException e) {
            throw new ReelwrightException("the bundled model catalog is damaged: " + e.getMessage(), e);
        }
    }

    /** The bundled catalog with the user's file laid over it (entries with the same id replace bundled ones). */
    public static ModelCatalog withOverrides(Path userFile) {
        ModelCatalog bundled = bundled();
        if (userFile == null) return bundled;
        List<ModelEntry> merged = new java.util.ArrayList<>(bundled.all());
        merged.addAll(Json.readYaml(userFile, CatalogFile.class).models());
        return new ModelCatalog(merged);
    }

    public List<ModelEntry> all() {
        return ordered;
    }

    public Optional<ModelEntry> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    /** The entry for an id a user wrote, or an error listing what exists for that kind. */
    public ModelEntry require(String id, String kind, String where) {
        ModelEntry entry = models.get(id);
        if (entry == null || !entry.kind().equals(kind)) {
            String known = ordered.stream().filter(m -> m.kind().equals(kind)).map(ModelEntry::id).collect(Collectors.joining(", "));
            throw new InputException(where + ": no " + kind + " model '" + id + "' in the catalog (known: " + known + ")");
        }
        return entry;
    }

    public List<ModelEntry> byVendor(String vendor) {
        return ordered.stream().filter(m -> m.vendor().equals(vendor)).toList();
    }

    public List<ModelEntry> byKind(String kind) {
        return ordered.stream().filter(m -> m.kind().equals(kind)).toList();
    }
}
