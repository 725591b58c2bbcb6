package dev.reelwright.core.remote;

import java.util.Map;
import java.util.Objects;

/**
 * A vendor's handle on a paid job: returned by submit, journaled before the first poll, so that a crash resumes
 * the same job instead of paying for a new one. {@code handles} keeps what the vendor returned to address it
 * (fal's status and result URLs, Vertex's operation name).
 */
public record JobId(String vendor, String id, Map<String, String> handles) {
    public JobId {
        Objects.requireNonNull(vendor, "vendor");
        if (id == null || id.isBlank()) throw new IllegalArgumentException("a job id is required");
        handles = Map.copyOf(handles == null ? Map.of() : handles);
    }

    public JobId(String vendor, String id) {
        this(vendor, id, Map.of());
    }

    public String handle(String name) {
        return handles.get(name);
    }
}
