package dev.reelwright.core.pipeline;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.model.CandidateStrategy;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.ClipRepairer;
import dev.reelwright.core.quality.Evidence;
import dev.reelwright.core.quality.QualityExpectations;
import dev.reelwright.core.quality.QualityInspector;
import dev.reelwright.core.quality.QualityReport;
import dev.reelwright.core.quality.QualityThresholds;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.core.spi.VideoGenerator.GeneratedClip;
import dev.reelwright.core.step.StepCache;
import dev.reelwright.core.step.StepResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One shot's clip: generate candidates, put each through the quality filter, keep the best accepted one.
 *
 * <p>{@code adaptive} (the default) pays for {@code candidates_in_parallel} clips at a time and stops as soon as one
 * is accepted, so a shot whose first clip is clean costs one clip; {@code fixed} always pays for
 * {@code candidates_per_shot}. When no candidate passes, the least bad one is used and the shot is marked as such:
 * a finished video with a flagged shot is more use than no video. Every candidate is its own cached step, and so is
 * every inspection, so a re-run pays for nothing twice and rejected clips stay on disk beside their reports.
 */
final class CandidateSearch {
    /** Seeds of later candidates: far apart, so a vendor that hashes its seed does not give a near-copy. */
    private static final long SEED_STRIDE = 1_000_003L;

    /**
     * One candidate clip (how it was made), with its inspection when the generator's clips are inspected. A clip the
     * filter rejected but could repair carries the {@code repair}: then {@code made} plays the repaired file and
     * {@code inspection} is the repaired clip's.
     */
    record Candidate(int index, long seed, ClipMaker.Made made, StepResult<QualityReport> inspection, Repair repair) {
        Candidate(int index, long seed, ClipMaker.Made made, StepResult<QualityReport> inspection) {
            this(index, seed, made, inspection, null);
        }

        StepResult<GeneratedClip> clip() {
            return made.clip();
        }

        boolean accepted() {
            return inspection == null || inspection.value().accepted();
        }
    }

    /** A rejected clip's repair: the inspection that rejected it, and the repair step (its file and what it did). */
    record Repair(StepResult<QualityReport> rejected, StepResult<RepairedClip> step) {}

    /** What a repair step stores; {@code file} is null when the repair found nothing to fix. */
    record RepairedClip(String file, int frames, String note) {}

    /** What a shot ended with. {@code accepted} is false when no candidate passed and the least bad one is used. */
    record Outcome(Candidate chosen, List<Candidate> candidates, boolean accepted, boolean inspected) {}

    /** Generates candidate {@code index} with {@code seed} (cached steps). */
    @FunctionalInterface
    interface Generate {
        ClipMaker.Made clip(int index, long seed);
    }

    private final StepCache cache;
    private final QualityInspector inspector;
    private final ClipRepairer repairer;
    private final QualityThresholds thresholds;
    private final CandidateStrategy strategy;
    private final int most;
    private final int batch;
    private final int fps;

    CandidateSearch(StepCache cache, VideoGenerator generator, QualityInspector inspector, ProductionSpec spec) {
        this.cache = cache;
        this.inspector = generator.generative() ? inspector : null;
        this.repairer = this.inspector == null ? null : this.inspector.repairer().orElse(null);
        this.thresholds = spec.thresholds();
        this.fps = spec.format().fps();
        this.strategy = spec.candidateStrategy();
        // A renderer that is not generative gives the same clip for every seed: one candidate is all there is.
        this.most = generator.generative() ? spec.candidatesPerShot() : 1;
        this.batch = Math.min(most, strategy == CandidateStrategy.FIXED ? most : spec.candidatesInParallel());
    }

    Outcome search(long sceneSeed, QualityExpectations expectations, Generate generate) {
        // The reference is keyed by content, not by its path inside this run's cache; hashed once for every candidate.
        String reference = inspector == null || expectations.reference() == null ? "" : StepCache.fileHash(expectations.reference());
        List<Candidate> all = new ArrayList<>();
        while (all.size() < most) {
            int from = all.size();
            int count = Math.min(batch, most - from);
            all.addAll(batch(from, count, sceneSeed, expectations, reference, generate));
            if (strategy == CandidateStrategy.ADAPTIVE && all.stream().anyMatch(Candidate::accepted)) break;
        }
        Candidate best = all.stream().max(Comparator.comparingDouble(this::rank).thenComparing(c -> -c.index())).orElseThrow();
        return new Outcome(best, List.copyOf(all), best.accepted(), best.inspection() != null);
    }

    private List<Candidate> batch(int from, int count, long sceneSeed, QualityExpectations expectations, String reference, Generate generate) {
        if (count == 1) return List.of(candidate(from, sceneSeed, expectations, reference, generate));
        // Several clips of one shot at once: remote generation is mostly waiting, so virtual threads suit it.
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Candidate>> futures = new ArrayList<>();
            for (int i = from; i < from + count; i++) {
                int index = i;
                futures.add(pool.submit(() -> candidate(index, sceneSeed, expectations, reference, generate)));
            }
            List<Candidate> done = new ArrayList<>();
            for (Future<Candidate> future : futures) done.add(future.get());
            return done;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new ReelwrightException("a clip candidate failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReelwrightException("clip candidates were cancelled");
        }
    }

    private Candidate candidate(int index, long sceneSeed, QualityExpectations expectations, String reference, Generate generate) {
        long seed = sceneSeed + index * SEED_STRIDE;
        ClipMaker.Made made = generate.clip(index, seed);
        // A fallback to the camera-move renderer has nothing to inspect, whatever the shot's first choice was.
        if (inspector == null || !made.generative()) return new Candidate(index, seed, made, null);
        if (made.parts().size() == 1) return repaired(new Candidate(index, seed, made, inspect(made.clip(), expectations, reference)),
                expectations, reference);
        // A chain: each part is inspected as the clip it is, and the shot scores its worst part on every artifact.
        List<StepResult<QualityReport>> parts = new ArrayList<>();
        for (StepResult<GeneratedClip> part : made.parts()) parts.add(inspect(part, expectations, reference));
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("parts", parts.stream().map(StepResult::hash).toList());
        StepResult<QualityReport> merged = cache.run("inspect", inputs, QualityReport.class, folder -> merge(made, parts));
        return new Candidate(index, seed, made, merged);
    }

    /**
     * A rejected clip whose every flaw the repairer fixes is repaired (free, cached) and inspected again; the repaired
     * clip takes its place when it passes, so no further take is paid for. Otherwise the candidate stays as it was.
     */
    private Candidate repaired(Candidate candidate, QualityExpectations expectations, String reference) {
        QualityReport report = candidate.inspection().value();
        if (repairer == null || report.accepted() || !repairer.repairs(report, thresholds)) return candidate;
        StepResult<GeneratedClip> clip = candidate.clip();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("repairer", repairer.id());
        inputs.put("clip", clip.hash());
        inputs.put("inspection", candidate.inspection().hash());
        StepResult<RepairedClip> step = cache.run("repair", inputs, RepairedClip.class, folder -> {
            ClipRepairer.Repaired done = repairer.repair(clip.file(clip.value().file()), report, thresholds, folder);
            return done == null ? new RepairedClip(null, clip.value().frames(), "nothing to repair")
                    : new RepairedClip(done.file(), clip.value().frames(), done.note());
        });
        if (step.value().file() == null) return candidate;
        // The repaired file as a free clip step of its own (the same folder), so the rest of the run plays it unchanged.
        StepResult<GeneratedClip> fixed = new StepResult<>(step.kind(), step.hash(), step.folder(),
                new GeneratedClip(step.value().file(), step.value().frames()), step.reused(), step.seconds());
        StepResult<QualityReport> again = inspect(fixed, expectations, reference);
        if (!again.value().accepted()) return candidate;
        ClipMaker.Made made = candidate.made();
        ClipMaker.Made remade = new ClipMaker.Made(fixed, made.parts(), made.model(), made.events(), made.generative());
        return new Candidate(candidate.index(), candidate.seed(), remade, again, new Repair(candidate.inspection(), step));
    }

    private StepResult<QualityReport> inspect(StepResult<GeneratedClip> clip, QualityExpectations expectations, String reference) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("inspector", inspector.id());
        inputs.put("clip", clip.hash());
        inputs.put("thresholds", thresholds.thresholds());
        inputs.put("expectations", new QualityExpectations(expectations.width(), expectations.height(), expectations.seconds(), null));
        inputs.put("reference", reference);
        return cache.run("inspect", inputs, QualityReport.class, folder -> inspector.inspect(clip.file(clip.value().file()), expectations, folder));
    }

    /** The parts' reports as one: the lowest score per artifact; evidence on the chain's clock, pointing into the parts' folders. */
    private QualityReport merge(ClipMaker.Made made, List<StepResult<QualityReport>> parts) {
        Map<Artifact, Double> scores = new java.util.EnumMap<>(Artifact.class);
        List<Evidence> evidence = new ArrayList<>();
        double offset = 0, seconds = 0;
        int frames = 0;
        for (int i = 0; i < parts.size(); i++) {
            StepResult<QualityReport> part = parts.get(i);
            QualityReport report = part.value();
            report.scores().forEach((artifact, score) -> scores.merge(artifact, score, Math::min));
            for (var e : report.evidence()) {
                evidence.add(new Evidence(e.artifact(), e.from() + offset, e.to() + offset,
                        e.framePairA() == null ? null : part.file(e.framePairA()).toString(),
                        e.framePairB() == null ? null : part.file(e.framePairB()).toString(), e.note()));
            }
            offset += made.parts().get(i).value().frames() / (double) fps;
            seconds += report.seconds();
            frames += report.framesAnalysed();
        }
        var failing = thresholds.failing(scores);
        return new QualityReport(made.clip().file(made.clip().value().file()).toString(), thresholds.verdict(scores),
                failing.map(Artifact::label).orElse(null), scores, evidence, seconds, frames);
    }

    /**
     * Higher is better: an accepted clip by how far its weakest artifact clears its threshold, a rejected one below
     * every accepted one, by how far its worst artifact falls short.
     */
    private double rank(Candidate candidate) {
        if (candidate.inspection() == null) return 0;
        return margin(candidate.inspection().value()) + (candidate.accepted() ? 10 : 0);
    }

    /** The smallest score-minus-threshold over every artifact: negative when the clip fails. */
    double margin(QualityReport report) {
        double margin = Double.POSITIVE_INFINITY;
        for (Artifact artifact : Artifact.values()) margin = Math.min(margin, report.score(artifact) - thresholds.threshold(artifact));
        return margin;
    }

    /** Why a candidate was not used, in one line; null for the chosen one. */
    String whyNotChosen(Candidate candidate, Outcome outcome) {
        if (candidate == outcome.chosen()) return null;
        QualityReport report = candidate.inspection() == null ? null : candidate.inspection().value();
        if (report != null && !report.accepted()) {
            Artifact failing = Artifact.parse(report.failing());
            return String.format(java.util.Locale.ROOT, "rejected: %s %.2f < %.2f (%s)", failing.label(), report.score(failing),
                    thresholds.threshold(failing), failing.description());
        }
        return String.format(java.util.Locale.ROOT, "accepted, but candidate %d scored higher (weakest margin %.2f vs %.2f)",
                outcome.chosen().index() + 1, report == null ? 0 : margin(report),
                outcome.chosen().inspection() == null ? 0 : margin(outcome.chosen().inspection().value()));
    }
}
