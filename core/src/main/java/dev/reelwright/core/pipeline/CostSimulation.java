package dev.reelwright.core.pipeline;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.cost.CostLedger;
import dev.reelwright.core.cost.Pricing;
import dev.reelwright.core.cost.Stage;
import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.CandidateStrategy;
import dev.reelwright.core.model.Mood;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Scene;
import dev.reelwright.core.model.SpecLoader;
import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.ClipRepairer;
import dev.reelwright.core.quality.QualityExpectations;
import dev.reelwright.core.quality.QualityInspector;
import dev.reelwright.core.quality.QualityReport;
import dev.reelwright.core.quality.QualityThresholds;
import dev.reelwright.core.quality.Verdict;
import dev.reelwright.core.routing.Route;
import dev.reelwright.core.routing.Router;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.ImageGenerator.GeneratedImage;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.core.step.StepCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code reelwright bench cost}: the reference production (12 shots of 5 s: one finished minute) against fake
 * vendors that charge the catalog's prices and take about the catalog's latency, with a quality filter that rejects
 * each clip with a set probability. It runs the pipeline's own candidate search, clip maker and budget ledger, so
 * what it measures is what {@code make} would pay. Rejections are drawn per (production, shot, candidate), the same
 * draw for every policy, so policies are compared on the same luck.
 */
public final class CostSimulation {
    /**
     * What to simulate. {@code timeScale} real seconds pass per simulated second of vendor latency.
     *
     * @param repairableShare of the rejected clips, the share the quality filter repairs locally (a repaired clip
     *                        passes); the rest need another take
     */
    public record Settings(int shots, double shotSeconds, double rejectionRate, int productions, String clipModel, String keyframeModel,
                           String speechModel, int narrationCharacters, double timeScale, long seed, double repairableShare) {
        /**
         * The mission's reference: 12 shots x 5 s, Flux Pro keyframes, Kling image-to-video, ElevenLabs speech; 35%
         * rejected; 200 productions. 47% of rejections repaired: what {@code reelwright bench quality} measured its
         * repairs saving on its own test set (2026-12-03) if rejections are spread evenly over the mission's five
         * artifacts: flicker 14 of 15, ghost limbs 13 of 15, teleportation 9 of 16, morphing and garbled text none.
         * How real vendors' rejections spread is not known.
         */
        public static final Settings REFERENCE = new Settings(12, 5, 0.35, 200, "fal/kling-v2.5-turbo-pro-i2v", "fal/flux-pro-v1.1",
                "elevenlabs/multilingual-v2", 900, 0.0002, 42, 0.47);

        public Settings {
            if (shots < 1 || shotSeconds <= 0 || productions < 1) throw new IllegalArgumentException("shots, seconds and productions must be positive");
            if (rejectionRate < 0 || rejectionRate >= 1) throw new IllegalArgumentException("the rejection rate must be in [0, 1)");
            if (repairableShare < 0 || repairableShare > 1) throw new IllegalArgumentException("the repairable share must be in [0, 1]");
        }
    }

    /**
     * A candidate policy, as production.yaml would set it; {@code routed} lets the router pick each shot's model
     * ({@code models.clips: auto}, every vendor configured) instead of the reference clip model; {@code repairs} lets
     * the quality filter repair what it can (as make's filter does) instead of paying for another take.
     */
    public record Policy(String name, CandidateStrategy strategy, int candidates, int inParallel, boolean routed, boolean repairs) {}

    /** Means over the simulated productions. */
    public record Result(Policy policy, double costPerFinishedMinute, double clipsPaid, double acceptedShots, double allAcceptedShare,
                         double wallSeconds, double keyframeCost, double speechCost, double clipCost, List<String> clipModels) {}

    /** The reference design: three candidates for every shot. */
    public static final Policy REFERENCE = new Policy("fixed 3 (reference)", CandidateStrategy.FIXED, 3, 3, false, false);
    /** What production.yaml gets when it says nothing: adaptive candidates, and repairs rather than re-takes where the filter can. */
    public static final Policy DEFAULT = new Policy("adaptive up to " + ProductionSpec.DEFAULT_ADAPTIVE_CANDIDATES + ", repairs (default)",
            CandidateStrategy.ADAPTIVE, ProductionSpec.DEFAULT_ADAPTIVE_CANDIDATES, 1, false, true);

    public static final List<Policy> POLICIES = List.of(
            REFERENCE,
            new Policy("adaptive up to 3", CandidateStrategy.ADAPTIVE, 3, 1, false, false),
            new Policy("adaptive up to 6", CandidateStrategy.ADAPTIVE, 6, 1, false, false),
            DEFAULT,
            new Policy("adaptive up to 6, repairs, 2 at once", CandidateStrategy.ADAPTIVE, 6, 2, false, true),
            new Policy("adaptive up to 6, repairs, routed", CandidateStrategy.ADAPTIVE, 6, 1, true, true));

    private CostSimulation() {}

    public static List<Result> run(Settings settings, List<Policy> policies, ModelCatalog catalog) {
        List<Result> results = new ArrayList<>();
        for (Policy policy : policies) results.add(run(settings, policy, catalog));
        return results;
    }

    public static Result run(Settings settings, Policy policy, ModelCatalog catalog) {
        ModelEntry clip = catalog.require(settings.clipModel(), "video", "bench cost");
        ModelEntry keyframe = catalog.require(settings.keyframeModel(), "image", "bench cost");
        ModelEntry speech = catalog.require(settings.speechModel(), "speech", "bench cost");
        Path dir;
        try {
            dir = Files.createTempDirectory("reelwright-cost-sim");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder for the cost simulation", e);
        }
        try {
            double cost = 0, clips = 0, accepted = 0, allAccepted = 0, wall = 0, keyframes = 0, voice = 0, clipCost = 0;
            java.util.Set<String> models = new java.util.TreeSet<>();
            for (int p = 0; p < settings.productions(); p++) {
                Run one = production(settings, policy, catalog, clip, keyframe, speech, dir.resolve("p" + p), p);
                cost += one.ledger.actual();
                clips += one.clipsPaid;
                accepted += one.accepted;
                allAccepted += one.accepted == settings.shots() ? 1 : 0;
                wall += one.wallSeconds;
                keyframes += amount(one.ledger, Stage.KEYFRAME);
                voice += amount(one.ledger, Stage.VOICE);
                clipCost += amount(one.ledger, Stage.CLIP);
                models.addAll(one.clipModels);
            }
            double n = settings.productions();
            double minutes = settings.shots() * settings.shotSeconds() / 60;
            return new Result(policy, cost / n / minutes, clips / n, accepted / n, allAccepted / n, wall / n, keyframes / n / minutes,
                    voice / n / minutes, clipCost / n / minutes, List.copyOf(models));
        } finally {
            delete(dir);
        }
    }

    private static double amount(CostLedger.Summary summary, Stage stage) {
        CostLedger.Amount amount = summary.byStage().get(stage);
        return amount == null ? 0 : amount.actual();
    }

    private record Run(CostLedger.Summary ledger, int clipsPaid, int accepted, double wallSeconds, java.util.Set<String> clipModels) {}

    private static Run production(Settings settings, Policy policy, ModelCatalog catalog, ModelEntry clipModel, ModelEntry keyframeModel,
            ModelEntry speechModel, Path dir, int index) {
        ProductionSpec spec = spec(dir, policy, policy.routed() ? Router.AUTO : clipModel.id());
        StepCache cache = new StepCache(dir.resolve("cache"));
        Spending spending = new Spending(CostLedger.unlimited());
        long started = System.nanoTime();
        // Voice and keyframes as make pays them: one speech call for the narration, one keyframe per shot.
        double speech = Pricing.speech(speechModel, settings.narrationCharacters());
        spending.call(Stage.VOICE, speechModel.vendor(), speechModel.id(), speech,
                () -> new Charge(speechModel.vendor(), speechModel.id(), speech, true), charge -> charge);
        AtomicInteger paid = new AtomicInteger();
        Map<String, VideoGenerator> vendors = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.function.Function<ModelEntry, VideoGenerator> vendor = model ->
                vendors.computeIfAbsent(model.id(), id -> new FakeVendor(model, settings, index, paid));
        RejectingInspector inspector = new RejectingInspector(settings, policy.repairs());
        Providers providers = providers(vendor, new Router(catalog, v -> true), inspector);
        ClipMaker maker = new ClipMaker(cache, providers, spending, spec);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.shots(), Production.REMOTE_SHOTS_IN_FLIGHT));
        List<Future<Boolean>> shots = new ArrayList<>();
        try (pool) {
            for (int s = 0; s < settings.shots(); s++) {
                int shot = s;
                shots.add(pool.submit(() -> {
                    Scene scene = new Scene("shot-" + (shot + 1), null, "", "a harbour at dusk, shot " + shot, CameraMove.PAN_RIGHT, Mood.CALM,
                            settings.shotSeconds(), 1000L * index + shot);
                    double keyframePrice = Pricing.image(keyframeModel);
                    var image = cache.run("keyframe", Map.of("production", index, "shot", shot), GeneratedImage.class, folder ->
                            spending.call(Stage.KEYFRAME, keyframeModel.vendor(), keyframeModel.id(), keyframePrice,
                                    () -> write(folder, "keyframe.png", new GeneratedImage("keyframe.png",
                                            new Charge(keyframeModel.vendor(), keyframeModel.id(), keyframePrice, true))),
                                    GeneratedImage::charge));
                    Route route = maker.route(scene);
                    var search = new CandidateSearch(cache, maker.generator(route), inspector, spec);
                    int frames = spec.format().frames(settings.shotSeconds());
                    return search.search(scene.seed(), QualityExpectations.NONE,
                            (candidate, seed) -> maker.make(scene, route, image, frames, seed, candidate)).accepted();
                }));
            }
            int accepted = 0;
            for (Future<Boolean> shot : shots) accepted += shot.get() ? 1 : 0;
            double wall = (System.nanoTime() - started) / 1e9 / settings.timeScale();
            return new Run(spending.ledger().summary(), paid.get(), accepted, wall, vendors.keySet());
        } catch (ExecutionException e) {
            throw new ReelwrightException("the cost simulation failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReelwrightException("the cost simulation was interrupted");
        }
    }

    private static ProductionSpec spec(Path dir, Policy policy, String clipModel) {
        try {
            Files.createDirectories(dir);
            return SpecLoader.load(Files.writeString(dir.resolve("production.yaml"), String.format(java.util.Locale.ROOT, """
                    resolution: 1080p
                    models: {clips: %s}
                    candidate_strategy: %s
                    candidates_per_shot: %d
                    candidates_in_parallel: %d
                    """, clipModel, policy.strategy().label(), policy.candidates(), policy.inParallel())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clip vendor that takes about its catalog latency (scaled) and charges its catalog price. */
    private static final class FakeVendor implements VideoGenerator {
        private final ModelEntry model;
        private final Settings settings;
        private final java.util.Random jitter;
        private final AtomicInteger paid;

        FakeVendor(ModelEntry model, Settings settings, int production, AtomicInteger paid) {
            this.model = model;
            this.settings = settings;
            this.jitter = new java.util.Random(settings.seed() * 31 + production);
            this.paid = paid;
        }

        @Override
        public String id() {
            return "simulated-" + (model == null ? "unused" : model.id());
        }

        @Override
        public GeneratedClip generate(ClipRequest request, Path folder) {
            double latency = (model.latencySeconds() == null ? 60 : model.latencySeconds()) * (0.7 + 0.6 * nextJitter());
            try {
                Thread.sleep(Math.max(0, Math.round(latency * settings.timeScale() * 1000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReelwrightException("interrupted");
            }
            paid.incrementAndGet();
            double seconds = request.frames() / (double) request.format().fps();
            double usd = Pricing.clip(model, seconds, null);
            return write(folder, "clip.mp4", new GeneratedClip("clip.mp4", request.frames(), new Charge(model.vendor(), model.id(), usd, true)));
        }

        private synchronized double nextJitter() {
            return jitter.nextDouble();
        }
    }

    /**
     * Rejects a candidate with the set probability, drawn from (production, shot seed, candidate seed) alone; a
     * rejection is repairable (standing in as flicker) with the settings' repairable share (else morphing), and a repaired clip passes.
     */
    private record RejectingInspector(Settings settings, boolean repairs) implements QualityInspector {
        private static final String REPAIRED = "repaired.mp4";

        @Override
        public String id() {
            return "simulated-rejection-" + settings.rejectionRate() + "-" + settings.repairableShare();
        }

        @Override
        public QualityReport inspect(Path clip, QualityExpectations expectations, Path evidenceDir) {
            if (clip.getFileName().toString().equals(REPAIRED)) {
                return new QualityReport(clip.toString(), Verdict.ACCEPT, null, Map.of(Artifact.FLICKER, 0.9), List.of(), 0, 0);
            }
            // The clip's folder name is its step hash: a function of the shot and the candidate's seed.
            long draw = clip.getParent().getFileName().toString().hashCode() * 0x9E3779B97F4A7C15L + settings.seed();
            java.util.Random random = new java.util.Random(draw);
            boolean reject = random.nextDouble() < settings.rejectionRate();
            Artifact failing = random.nextDouble() < settings.repairableShare() ? Artifact.FLICKER : Artifact.MORPHING;
            Map<Artifact, Double> scores = Map.of(Artifact.FLICKER, reject && failing == Artifact.FLICKER ? 0.2 : 0.9,
                    Artifact.MORPHING, reject && failing == Artifact.MORPHING ? 0.2 : 0.9);
            return new QualityReport(clip.toString(), reject ? Verdict.REJECT : Verdict.ACCEPT, reject ? failing.label() : null, scores,
                    List.of(), 0, 0);
        }

        @Override
        public java.util.Optional<ClipRepairer> repairer() {
            if (!repairs) return java.util.Optional.empty();
            return java.util.Optional.of(new ClipRepairer() {
                @Override
                public String id() {
                    return "simulated-repair";
                }

                @Override
                public boolean repairs(QualityReport report, QualityThresholds thresholds) {
                    return thresholds.below(report.scores()).equals(java.util.EnumSet.of(Artifact.FLICKER));
                }

                @Override
                public Repaired repair(Path clip, QualityReport report, QualityThresholds thresholds, Path folder) {
                    return write(folder, REPAIRED, new Repaired(REPAIRED, "simulated"));
                }
            });
        }
    }

    private static <T> T write(Path folder, String name, T value) {
        try {
            Files.writeString(folder.resolve(name), "simulated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return value;
    }

    private static Providers providers(java.util.function.Function<ModelEntry, VideoGenerator> vendor, Router router, QualityInspector inspector) {
        ClipModels models = ClipModels.of(router, vendor);
        return new Providers(UnusedSeams.PLANNER, UnusedSeams.IMAGES, new FakeVendor(null, Settings.REFERENCE, 0, new AtomicInteger()), UnusedSeams.SPEECH, UnusedSeams.ASSEMBLER, inspector, models, Prices.FREE);
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder
        }
    }
}
