package dev.reelwright.core.spi;

/**
 * What one call cost: the vendor's own figure where it reports one, else the catalog's estimate
 * ({@code estimated} true). The embedded providers cost nothing.
 */
public record Charge(String vendor, String model, double usd, boolean estimated) {
    public static final Charge FREE = new Charge("local", "", 0, false);

    public Charge {
        if (usd < 0 || Double.isNaN(usd)) throw new IllegalArgumentException("a charge cannot be negative");
        vendor = vendor == null ? "local" : vendor;
        model = model == null ? "" : model;
    }
}
