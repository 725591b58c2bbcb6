package dev.reelwright.core.routing;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.cost.Pricing;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.RoutingPolicy;
import dev.reelwright.core.model.Scene;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.model.VendorRules;
import dev.reelwright.core.model.VideoFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Picks a video model per shot from the catalog. production.yaml's {@code models.clips} decides how: absent, the
 * embedded {@value #LOCAL_CLIPS} (free; a key in the environment never starts spending by itself); a catalog id
 * pins that model; {@value #AUTO} routes every shot on its own. For a lip-synced talking head the pin is
 * {@code models.lip_sync} instead, and {@code auto} there routes among the lip-sync models.
 *
 * <p>Routing first drops what cannot make the shot (a hard need: resolution, aspect, image-to-video, lip sync;
 * retired; a vendor that is denied or not configured), then ranks the rest by the policy:
 * <ul>
 * <li>{@code quality}: 3 points a tier, minus 1 a stitch, minus a quarter point per doubling of price;
 * <li>{@code balanced}: 2 points a tier, minus 0.75 a stitch, minus 1.5 per doubling of price (one tier is worth
 *     paying about 2.5 times as much);
 * <li>{@code cost}: the cheapest take, ties broken as balanced would.
 * </ul>
 * Fit adds to both scores: 1 when a strength suits the content, 1 for the camera strength and 0.5 for camera-control
 * parameters when the camera moves, 1 for native audio when the shot wants sound. Price is per second of the
 * finished shot, every chained clip included. The embedded renderer is only the last fallback while a paid model
 * can make the shot, and the choice when none can.
 */
public final class Router {
    public static final String AUTO = "auto";
    public static final String LOCAL_CLIPS = "local/camera-move";

    private final ModelCatalog catalog;
    private final Predicate<String> vendorUsable;

    /** @param vendorUsable whether a vendor is configured (has its key or base URL); {@code local} always is */
    public Router(ModelCatalog catalog, Predicate<String> vendorUsable) {
        this.catalog = catalog;
        this.vendorUsable = vendor -> vendor.equals("local") || vendorUsable.test(vendor);
    }

    /** Every scene's route, in storyboard order. */
    public List<Route> routeAll(Storyboard storyboard, ProductionSpec spec) {
        return storyboard.scenes().stream().map(scene -> route(scene, spec)).toList();
    }

    /** A scene's route in a production; a shot nothing can make is bad input naming the scene. */
    public Route route(Scene scene, ProductionSpec spec) {
        ShotNeeds needs = ShotNeeds.of(scene, spec);
        String pin = needs.lipSync() ? spec.models().lipSync() : spec.models().clips();
        try {
            return route(needs, spec.policy(), spec.vendors(), pin, needs.lipSync() ? "models.lip_sync" : "models.clips");
        } catch (InputException e) {
            throw new InputException("scene " + scene.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A shot's route.
     *
     * @param pinned null for the embedded model, {@value #AUTO} to route, or a catalog id to use that model
     */
    public Route route(ShotNeeds needs, RoutingPolicy policy, VendorRules rules, String pinned) {
        return route(needs, policy, rules, pinned, needs.lipSync() ? "models.lip_sync" : "models.clips");
    }

    private Route route(ShotNeeds needs, RoutingPolicy policy, VendorRules rules, String pinned, String key) {
        if (pinned == null || pinned.isBlank()) return pinned(needs, local(), key + " not set -> embedded " + LOCAL_CLIPS + " (free)", key);
        if (pinned.strip().equalsIgnoreCase(AUTO)) return auto(needs, policy, rules);
        ModelEntry entry = catalog.find(pinned.strip()).orElseThrow(() -> new InputException("production.yaml " + key + ": no model '"
                + pinned.strip() + "' in the catalog (known: " + clipModels().stream().map(ModelEntry::id).collect(Collectors.joining(", ")) + ")"));
        if (!rules.permits(entry.vendor()) && !entry.vendor().equals("local")) {
            throw new InputException("production.yaml " + key + " pins " + entry.id() + ", but vendors: does not allow " + entry.vendor());
        }
        return pinned(needs, entry, "pinned by production.yaml " + key + " -> " + entry.id(), key);
    }

    private Route pinned(ShotNeeds needs, ModelEntry entry, String reason, String key) {
        String unfit = unfit(entry, needs, true);
        if (unfit != null) throw new InputException("production.yaml " + key + ": " + entry.id() + " cannot make this shot ("
                + needs.describe() + "): " + unfit);
        Option only = option(entry, needs);
        return new Route(needs, only.because(reason + chained(only)), List.of());
    }

    private Route auto(ShotNeeds needs, RoutingPolicy policy, VendorRules rules) {
        List<Option> paid = new ArrayList<>();
        Map<String, List<String>> excluded = new LinkedHashMap<>();
        Option local = null;
        for (ModelEntry entry : clipModels()) {
            String unfit = !rules.permits(entry.vendor()) ? "denied by production.yaml vendors" : unfit(entry, needs, false);
            if (unfit != null) {
                excluded.computeIfAbsent(unfit, u -> new ArrayList<>()).add(entry.id());
            } else if (entry.vendor().equals("local")) {
                if (local == null) local = option(entry, needs);
            } else {
                paid.add(option(entry, needs));
            }
        }
        if (paid.isEmpty()) {
            if (local == null) {
                throw new InputException("no clip model can make this shot (" + needs.describe() + "): " + summary(excluded));
            }
            boolean noneConfigured = clipModels().stream().filter(m -> !m.vendor().equals("local"))
                    .noneMatch(m -> rules.permits(m.vendor()) && vendorUsable.test(m.vendor()));
            String why = noneConfigured ? "no paid vendor configured" : "no configured paid model can make it (" + summary(excluded) + ")";
            return new Route(needs, local.because(why + " -> embedded " + local.entry.id() + " (free)"), List.of());
        }
        rank(paid, needs, policy);
        Option best = paid.getFirst();
        List<Route.Choice> fallbacks = new ArrayList<>();
        for (Option other : paid.subList(1, paid.size())) {
            fallbacks.add(other.because(String.format(Locale.ROOT, "fallback %s: %s tier, %s a take%s", other.entry.id(),
                    tier(other.entry), money(other.usd), other.stitches() > 0 ? ", " + stitches(other.stitches()) : "")));
        }
        if (local != null) fallbacks.add(local.because("last resort: embedded " + local.entry.id() + " (free)"));
        return new Route(needs, best.because(why(best, paid.subList(1, paid.size()), needs, policy)), fallbacks);
    }

    /** The video and avatar models, local ones included. */
    private List<ModelEntry> clipModels() {
        return catalog.all().stream().filter(m -> m.kind().equals("video") || m.kind().equals("avatar")).toList();
    }

    private ModelEntry local() {
        return catalog.find(LOCAL_CLIPS).orElseThrow(() -> new InputException("the model catalog has no " + LOCAL_CLIPS));
    }

    /** Why a model cannot make the shot, or null when it can. A pinned model may also be a lip_sync model. */
    private String unfit(ModelEntry entry, ShotNeeds needs, boolean pinned) {
        if (entry.retired()) return "retired" + (pinned && entry.retiredOn() != null ? " on " + entry.retiredOn() : "");
        if (!vendorUsable.test(entry.vendor())) return "vendor " + entry.vendor() + " not configured";
        boolean talkingHeadOnly = entry.kind().equals("avatar") || entry.kind().equals("lip_sync");
        if (needs.lipSync() && !entry.makesLipSync()) return "no lip sync";
        if (!needs.lipSync() && talkingHeadOnly) return "makes talking heads only";
        if (!pinned && entry.kind().equals("lip_sync")) return "re-times a video, makes none";
        if (!talkingHeadOnly) {
            if (needs.imageToVideo() && !entry.supports("image-to-video")) return "no image-to-video";
            if (!needs.imageToVideo() && !entry.supports("text-to-video") && !entry.supports("image-to-video")) return "no text-to-video";
        }
        // A lip-synced shot follows one speech track: it cannot be chained from several clips.
        if (needs.lipSync() && entry.longestClip() > 0 && needs.seconds() > entry.longestClip() + 1e-6) {
            return "lip-syncs " + entry.longestClip() + " s at most";
        }
        if (!entry.rendersAtLeast(needs.resolution().lines())) return "renders " + entry.mostLines() + "p at most";
        VideoFormat frame = needs.aspect().format(needs.resolution(), 30);
        if (!entry.makesShape(frame.width(), frame.height())) return "no " + needs.aspect().label() + " frames";
        return null;
    }

    private static Option option(ModelEntry entry, ShotNeeds needs) {
        return new Option(entry, Pricing.chain(entry, needs.seconds()), Pricing.take(entry, needs.seconds(), needs.resolution()));
    }

    private static void rank(List<Option> options, ShotNeeds needs, RoutingPolicy policy) {
        double cheapest = options.stream().mapToDouble(o -> o.usd).filter(usd -> usd > 0).min().orElse(0.01);
        for (Option o : options) {
            double doublings = Math.log(Math.max(o.usd, cheapest) / cheapest) / Math.log(2);
            double fit = fit(o.entry, needs);
            o.score = switch (policy) {
                case QUALITY -> 3 * o.entry.tierRank() + fit - 1.0 * o.stitches() - 0.25 * doublings;
                case BALANCED, COST -> 2 * o.entry.tierRank() + fit - 0.75 * o.stitches() - 1.5 * doublings;
            };
        }
        Comparator<Option> byScore = Comparator.<Option>comparingDouble(o -> -o.score).thenComparingDouble(o -> o.usd)
                .thenComparing(o -> o.entry.id());
        options.sort(policy == RoutingPolicy.COST ? Comparator.<Option>comparingDouble(o -> o.usd).thenComparing(byScore) : byScore);
    }

    private static double fit(ModelEntry entry, ShotNeeds needs) {
        double fit = needs.content().strengths().stream().anyMatch(entry::strongAt) ? 1 : 0;
        if (needs.camera() != CameraMove.STATIC) {
            fit += (entry.strongAt("camera") ? 1 : 0) + (entry.takesCameraControl() ? 0.5 : 0);
        }
        if (needs.nativeAudio() && entry.makesNativeAudio()) fit += 1;
        return fit;
    }

    /** The one line that says why the best option won: the need that decided it, else the policy. */
    private static String why(Option best, List<Option> others, ShotNeeds needs, RoutingPolicy policy) {
        String id = best.entry.id();
        int othersStitches = others.stream().mapToInt(Option::stitches).min().orElse(best.stitches());
        String line;
        if (needs.lipSync()) {
            line = "lip sync needed -> " + id;
        } else if (policy == RoutingPolicy.COST) {
            line = "cost policy -> cheapest that meets the shot: " + id + " at " + money(best.usd) + " a take";
        } else if (best.stitches() < othersStitches) {
            line = String.format(Locale.ROOT, "%s s continuous shot -> %s in %s; others would need %s", seconds(needs.seconds()), id,
                    best.clips() == 1 ? "one clip" : best.clips() + " clips", stitches(othersStitches));
        } else if (needs.camera() != CameraMove.STATIC && (best.entry.strongAt("camera") || best.entry.takesCameraControl())) {
            line = needs.camera().label().replace('_', ' ') + " camera -> " + id;
        } else if (needs.nativeAudio() && best.entry.makesNativeAudio()) {
            line = "native sound wanted -> " + id;
        } else if (needs.content().strengths().stream().anyMatch(best.entry::strongAt)) {
            line = needs.content().label() + " -> " + id + " (" + needs.content().strengths().stream().filter(best.entry::strongAt)
                    .collect(Collectors.joining(", ")) + ")";
        } else if (policy == RoutingPolicy.QUALITY) {
            line = "quality policy -> " + id + ", " + tier(best.entry) + " tier";
        } else {
            line = "balanced policy -> " + id + ": " + tier(best.entry) + " tier at " + money(best.usd) + " a take";
        }
        return line.contains("continuous") ? line : line + chained(best);
    }

    /** "; 2 clips, 1 stitch" for a chained shot, else nothing. */
    private static String chained(Option option) {
        return option.stitches() > 0 ? "; " + option.clips() + " clips, " + stitches(option.stitches()) : "";
    }

    private static String summary(Map<String, List<String>> excluded) {
        return excluded.entrySet().stream().map(e -> e.getKey() + ": " + shortList(e.getValue())).collect(Collectors.joining("; "));
    }

    private static String shortList(List<String> ids) {
        if (ids.size() <= 3) return String.join(", ", ids);
        return String.join(", ", ids.subList(0, 3)) + " (+" + (ids.size() - 3) + " more)";
    }

    private static String tier(ModelEntry entry) {
        return entry.qualityTier() == null ? "medium" : entry.qualityTier();
    }

    private static String stitches(int n) {
        return n + (n == 1 ? " stitch" : " stitches");
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s);
    }

    private static String money(double usd) {
        return String.format(Locale.ROOT, "$%.2f", usd);
    }

    /** A model being weighed for a shot. */
    private static final class Option {
        final ModelEntry entry;
        final List<Double> chain;
        final double usd;
        double score;

        Option(ModelEntry entry, List<Double> chain, double usd) {
            this.entry = entry;
            this.chain = chain;
            this.usd = usd;
        }

        int stitches() {
            return chain.size() - 1;
        }

        int clips() {
            return chain.size();
        }

        Route.Choice because(String reason) {
            return new Route.Choice(entry, chain, usd, reason);
        }
    }
}
