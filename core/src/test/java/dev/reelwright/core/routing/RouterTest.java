package dev.reelwright.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.model.Aspect;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.Resolution;
import dev.reelwright.core.model.RoutingPolicy;
import dev.reelwright.core.model.VendorRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which model the router picks for a shot, and why: each row of the table is one case. */
class RouterTest {
    private static final ModelCatalog BUNDLED = ModelCatalog.bundled();
    /** Every vendor of the bundled catalog. */
    private static final Predicate<String> ALL = vendor -> true;

    /**
     * The bundled catalog with Sora 2 Pro back as a compatible server might offer it: active, up to 20 s a clip
     * (MISSION.md's 5-20 s), the way a user's catalog override would bring it back.
     */
    private static final ModelCatalog WITH_LONG_SORA = withLongSora();

    private static ModelCatalog withLongSora() {
        ModelEntry sora = BUNDLED.find("openai/sora-2-pro").orElseThrow();
        List<ModelEntry> entries = new ArrayList<>(BUNDLED.all());
        entries.add(new ModelEntry(sora.id(), sora.vendor(), sora.model(), sora.kind(), sora.modes(), List.of(5, 10, 15, 20),
                sora.resolutions(), sora.aspectRatios(), null, null, null, null, sora.price(), 300.0, "top", sora.strengths(),
                "active", null, null));
        return new ModelCatalog(entries);
    }

    static ShotNeeds needs(double seconds, String resolution, String aspect, String camera, String content, boolean lipSync, boolean audio) {
        return new ShotNeeds(seconds, Resolution.parse(resolution), Aspect.parse(aspect), true, lipSync, audio, CameraMove.parse(camera),
                ContentKind.valueOf(content));
    }

    private static Predicate<String> configured(String vendors) {
        if (vendors.equals("all")) return ALL;
        if (vendors.equals("none")) return v -> false;
        Set<String> set = Set.of(vendors.split(","));
        return set::contains;
    }

    private static VendorRules rules(String allow, String deny) {
        return new VendorRules(allow.equals("-") ? List.of() : Arrays.asList(allow.split(",")),
                deny.equals("-") ? List.of() : Arrays.asList(deny.split(",")));
    }

    @ParameterizedTest(name = "[{index}] {0} s {1} {2} {3} {4} lip_sync={5} audio={6} {7} configured={8} -> {13}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # s | res   | aspect | camera    | content       | lip  | audio | policy   | configured      | allow  | deny  | catalog   | pinned                 | expected                      | reason fragment
            6   | 1080p | 16:9   | static    | TALKING_HEAD  | true | false | BALANCED | all             | -      | -     | bundled   | auto                   | fal/kling-avatar-v2-pro       | lip sync needed -> fal/kling-avatar-v2-pro
            6   | 720p  | 9:16   | static    | TALKING_HEAD  | true | false | COST     | all             | -      | -     | bundled   | auto                   | fal/kling-avatar-v2-standard  | lip sync needed -> fal/kling-avatar-v2-standard
            6   | 720p  | 16:9   | orbit     | GENERAL       | false| false | QUALITY  | all             | -      | -     | bundled   | auto                   | runway/gen4.5                 | orbit camera -> runway/gen4.5
            6   | 720p  | 16:9   | orbit     | GENERAL       | false| false | BALANCED | all             | -      | -     | bundled   | auto                   | runway/gen4.5                 | orbit camera -> runway/gen4.5
            6   | 720p  | 16:9   | crane_up  | LANDSCAPE     | false| false | BALANCED | kling,comfyui   | -      | -     | bundled   | auto                   | kling/kling-v1-t2v            | crane up camera -> kling/kling-v1-t2v
            20  | 1080p | 16:9   | static    | GENERAL       | false| false | QUALITY  | all             | -      | -     | long-sora | auto                   | openai/sora-2-pro             | 20 s continuous shot -> openai/sora-2-pro in one clip; others would need 1 stitch
            20  | 1080p | 16:9   | static    | GENERAL       | false| false | QUALITY  | google          | -      | -     | bundled   | auto                   | google/veo-3.1-vertex         | quality policy -> google/veo-3.1-vertex, top tier; 3 clips, 2 stitches
            15  | 1080p | 16:9   | static    | PEOPLE_MOTION | false| false | QUALITY  | fal,google      | -      | -     | bundled   | auto                   | fal/kling-v3-pro-i2v          | 15 s continuous shot -> fal/kling-v3-pro-i2v in one clip; others would need 1 stitch
            6   | 1080p | 16:9   | static    | GENERAL       | false| false | COST     | all             | -      | -     | bundled   | auto                   | fal/kling-v2.5-turbo-pro-i2v  | cost policy -> cheapest that meets the shot: fal/kling-v2.5-turbo-pro-i2v at $0.70 a take
            6   | 720p  | 16:9   | static    | GENERAL       | false| false | COST     | all             | -      | fal   | bundled   | auto                   | runway/gen4-turbo             | cost policy -> cheapest that meets the shot: runway/gen4-turbo at $0.50 a take
            6   | 1080p | 16:9   | static    | GENERAL       | false| false | BALANCED | all             | -      | fal   | bundled   | auto                   | google/veo-3.1-fast-vertex    | balanced policy -> google/veo-3.1-fast-vertex: high tier at $0.90 a take
            6   | 1080p | 16:9   | static    | PEOPLE_MOTION | false| false | BALANCED | all             | -      | -     | bundled   | auto                   | fal/kling-v2.5-turbo-pro-i2v  | people in motion -> fal/kling-v2.5-turbo-pro-i2v (motion, people)
            6   | 1080p | 16:9   | static    | LANDSCAPE     | false| false | BALANCED | all             | -      | -     | bundled   | auto                   | google/veo-3.1-fast-vertex    | landscape -> google/veo-3.1-fast-vertex (landscape, cinematic)
            8   | 1080p | 16:9   | static    | LANDSCAPE     | false| true  | QUALITY  | all             | -      | -     | bundled   | auto                   | google/veo-3.1-vertex         | native sound wanted -> google/veo-3.1-vertex
            6   | 1080p | 1:1    | static    | LANDSCAPE     | false| false | BALANCED | google,kling    | -      | -     | bundled   | auto                   | kling/kling-v2-1-master       | balanced policy -> kling/kling-v2-1-master
            6   | 1080p | 16:9   | static    | GENERAL       | false| false | QUALITY  | all             | runway,local | - | bundled | auto                | local/camera-move             | no configured paid model can make it (
            6   | 1080p | 16:9   | static    | GENERAL       | false| false | BALANCED | none            | -      | -     | bundled   | auto                   | local/camera-move             | no paid vendor configured -> embedded local/camera-move (free)
            6   | 1080p | 16:9   | static    | GENERAL       | false| false | BALANCED | all             | -      | -     | bundled   | -                      | local/camera-move             | models.clips not set -> embedded local/camera-move (free)
            6   | 1080p | 16:9   | static    | GENERAL       | false| false | BALANCED | all             | -      | -     | bundled   | fal/kling-v2.1-pro-i2v | fal/kling-v2.1-pro-i2v        | pinned by production.yaml models.clips -> fal/kling-v2.1-pro-i2v
            """)
    void routesEachShotAsTheTableSays(double seconds, String resolution, String aspect, String camera, String content, boolean lipSync,
                                      boolean audio, RoutingPolicy policy, String configured, String allow, String deny, String catalog,
                                      String pinned, String expected, String reasonFragment) {
        Router router = new Router(catalog.equals("long-sora") ? WITH_LONG_SORA : BUNDLED, configured(configured));
        VendorRules rules = rules(allow == null ? "-" : allow, deny == null ? "-" : deny);

        Route route = router.route(needs(seconds, resolution, aspect, camera, content, lipSync, audio), policy, rules, pinned);

        assertThat(route.model().id()).as(String.join("\n", route.reasons())).isEqualTo(expected);
        assertThat(route.reason()).contains(reasonFragment);
        assertThat(route.usdPerCandidate()).isGreaterThanOrEqualTo(0);
        // Fallbacks never name the chosen model, a denied or unconfigured vendor, or a retired model.
        assertThat(route.fallbacks()).allSatisfy(f -> {
            assertThat(f.model().id()).isNotEqualTo(expected);
            assertThat(f.model().retired()).isFalse();
            assertThat(rules.permits(f.model().vendor())).isTrue();
            assertThat(f.model().vendor().equals("local") || configured(configured).test(f.model().vendor())).isTrue();
        });
    }

    @Test
    void aLongShotIsChainedAndItsStitchesPriced() {
        Router router = new Router(BUNDLED, Set.of("google")::contains);
        Route route = router.route(needs(20, "1080p", "16:9", "static", "GENERAL", false, false), RoutingPolicy.QUALITY, VendorRules.ANY, "auto");

        assertThat(route.model().id()).isEqualTo("google/veo-3.1-vertex");
        assertThat(route.choice().clipSeconds()).containsExactly(8.0, 8.0, 4.0);
        assertThat(route.stitches()).isEqualTo(2);
        assertThat(route.usdPerCandidate()).isCloseTo(20 * 0.40, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void fallbacksAreRankedAndTheEmbeddedRendererComesLast() {
        Router router = new Router(BUNDLED, ALL);
        Route route = router.route(needs(6, "1080p", "16:9", "static", "GENERAL", false, false), RoutingPolicy.COST, VendorRules.ANY, "auto");

        List<Double> prices = route.fallbacks().stream().filter(f -> !f.model().vendor().equals("local"))
                .map(Route.Choice::usdPerCandidate).toList();
        assertThat(prices).isSorted().allSatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(route.usdPerCandidate()));
        assertThat(route.fallbacks().getLast().model().id()).isEqualTo("local/camera-move");
        assertThat(route.fallbacks().getLast().reason()).isEqualTo("last resort: embedded local/camera-move (free)");
        assertThat(route.reasons()).hasSize(route.fallbacks().size() + 1).allSatisfy(r -> assertThat(r).doesNotContain("\n").isNotBlank());
    }

    @Test
    void aFailedVendorMovesTheShotToTheNextOtherVendorAndSaysSo() {
        Router router = new Router(BUNDLED, ALL);
        Route route = router.route(needs(6, "1080p", "16:9", "static", "GENERAL", false, false), RoutingPolicy.COST, VendorRules.ANY, "auto");
        assertThat(route.model().vendor()).isEqualTo("fal");

        Route next = route.without("fal", "outage").orElseThrow();

        assertThat(next.model().vendor()).isNotEqualTo("fal");
        assertThat(next.reason()).isEqualTo("fal failed (outage) -> " + next.model().id());
        assertThat(next.fallbacks()).noneMatch(f -> f.model().vendor().equals("fal"));
        assertThat(next.fallbacks()).hasSize(route.fallbacks().stream().filter(f -> !f.model().vendor().equals("fal")).toList().size() - 1);
    }

    @Test
    void aRouteWithNothingLeftSaysSo() {
        Router router = new Router(BUNDLED, ALL);
        Route pinned = router.route(needs(6, "1080p", "16:9", "static", "GENERAL", false, false), RoutingPolicy.COST, VendorRules.ANY,
                "fal/kling-v2.1-pro-i2v");
        assertThat(pinned.fallbacks()).isEmpty();
        assertThat(pinned.without("fal", "outage")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # res   | aspect | lip   | configured | allow  | pinned                 | message fragments (';' between)
            1080p   | 16:9   | true  | runway     | -      | auto                   | no clip model can make this shot (6.0 s 1080p 16:9 image-to-video, lip sync, talking head);no lip sync: ;vendor fal not configured
            1080p   | 16:9   | false | all        | runway | auto                   | no clip model can make this shot;renders 720p at most: runway/gen4.5, runway/gen4-turbo;denied by production.yaml vendors: local/camera-move, fal/
            1080p   | 16:9   | false | all        | -      | openai/sora-2          | production.yaml models.clips: openai/sora-2 cannot make this shot;retired on 2026-09-24
            1080p   | 16:9   | false | all        | -      | fal/kling-v9           | production.yaml models.clips: no model 'fal/kling-v9' in the catalog (known: ;local/camera-move
            1080p   | 16:9   | false | all        | fal    | runway/gen4.5          | models.clips pins runway/gen4.5, but vendors: does not allow runway
            1080p   | 1:1    | false | all        | -      | google/veo-3.1-vertex  | google/veo-3.1-vertex cannot make this shot;no 1:1 frames
            1080p   | 16:9   | false | none       | -      | runway/gen4.5          | runway/gen4.5 cannot make this shot;vendor runway not configured
            1080p   | 16:9   | true  | all        | -      | -                      | models.lip_sync: local/camera-move cannot make this shot;no lip sync
            """)
    void aShotNothingCanMakeIsBadInputThatSaysWhy(String resolution, String aspect, boolean lipSync, String configured, String allow,
                                                 String pinned, String fragments) {
        Router router = new Router(BUNDLED, configured(configured));
        ShotNeeds needs = needs(6, resolution, aspect, "static", lipSync ? "TALKING_HEAD" : "GENERAL", lipSync, false);
        VendorRules rules = rules(allow == null ? "-" : allow, "-");

        assertThatThrownBy(() -> router.route(needs, RoutingPolicy.BALANCED, rules, pinned))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments.split(";")).doesNotContain("\n"));
    }

    @Test
    void aLipSyncedShotIsNeverChainedAndPricesBothKlingTasks() {
        Router router = new Router(BUNDLED, ALL);
        ShotNeeds talk = needs(6, "720p", "16:9", "static", "TALKING_HEAD", true, false);
        Route kling = router.route(talk, RoutingPolicy.BALANCED, VendorRules.ANY, "kling/lip-sync");
        // A 10 s base clip covers 6 s of speech; the catalog price covers the base clip and the lip sync.
        assertThat(kling.choice().clipSeconds()).containsExactly(10.0);
        assertThat(kling.usdPerCandidate()).isCloseTo(10 * 0.10, org.assertj.core.data.Offset.offset(1e-9));

        ShotNeeds longTalk = needs(14, "720p", "16:9", "static", "TALKING_HEAD", true, false);
        assertThatThrownBy(() -> router.route(longTalk, RoutingPolicy.BALANCED, VendorRules.ANY, "kling/lip-sync"))
                .isInstanceOf(InputException.class).hasMessageContaining("lip-syncs 10 s at most");
        // An avatar model follows any length of speech in one clip.
        Route avatar = router.route(longTalk, RoutingPolicy.BALANCED, VendorRules.ANY, Router.AUTO);
        assertThat(avatar.model().kind()).isEqualTo("avatar");
        assertThat(avatar.stitches()).isZero();
    }

    @Test
    void everyRouteOfTheBundledCatalogIsPricedFromTheCatalog() {
        // 12 s on Kling 2.1 pro: 10 s + 5 s clips at $0.09/s.
        Router router = new Router(BUNDLED, ALL);
        Route route = router.route(needs(12, "1080p", "16:9", "static", "GENERAL", false, false), RoutingPolicy.BALANCED, VendorRules.ANY,
                "fal/kling-v2.1-pro-i2v");
        assertThat(route.choice().clipSeconds()).containsExactly(10.0, 5.0);
        assertThat(route.usdPerCandidate()).isCloseTo(15 * 0.09, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(route.reason()).endsWith("; 2 clips, 1 stitch");
        assertThat(Map.of("clips", route.clips(), "stitches", route.stitches())).containsEntry("clips", 2).containsEntry("stitches", 1);
    }
}
