package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/**
 * production.yaml {@code vendors:} — which vendors the router may pick. An empty {@code allow} allows every vendor;
 * {@code deny} wins over {@code allow}. Vendor names are the catalog's ({@code fal}, {@code runway}, {@code local}, ...).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record VendorRules(List<String> allow, List<String> deny) {
    public static final VendorRules ANY = new VendorRules(List.of(), List.of());

    public VendorRules {
        allow = normalise(allow);
        deny = normalise(deny);
    }

    public boolean permits(String vendor) {
        String name = vendor.toLowerCase(Locale.ROOT);
        return !deny.contains(name) && (allow.isEmpty() || allow.contains(name));
    }

    private static List<String> normalise(List<String> vendors) {
        if (vendors == null) return List.of();
        return vendors.stream().map(v -> {
            if (v == null || v.isBlank()) throw new IllegalArgumentException("a vendor name in vendors: is empty");
            return v.strip().toLowerCase(Locale.ROOT);
        }).distinct().toList();
    }
}
