package dev.reelwright.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.model.CandidateStrategy;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.SpecLoader;
import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.ClipRepairer;
import dev.reelwright.core.quality.QualityExpectations;
import dev.reelwright.core.quality.QualityInspector;
import dev.reelwright.core.quality.QualityReport;
import dev.reelwright.core.quality.QualityThresholds;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.core.step.StepCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidateSearchTest {
    @TempDir
    Path dir;

    /** A generative model whose clip for candidate i carries the flicker score scripted for i. */
    static final class ScriptedGenerator implements VideoGenerator {
        final List<Integer> generated = Collections.synchronizedList(new ArrayList<>());
        final boolean generative;

        ScriptedGenerator(boolean generative) {
            this.generative = generative;
        }

        @Override
        public String id() {
            return "scripted";
        }

        @Override
        public boolean generative() {
            return generative;
        }

        @Override
        public GeneratedClip generate(ClipRequest request, Path folder) {
            throw new UnsupportedOperationException("the test generates through the search's callback");
        }
    }

    /** Reads the flicker score the fake clip file holds. */
    static class FileScoreInspector implements QualityInspector {
        final AtomicInteger inspected = new AtomicInteger();
        final QualityThresholds thresholds = QualityThresholds.defaults();

        @Override
        public String id() {
            return "file-score";
        }

        @Override
        public QualityReport inspect(Path clip, QualityExpectations expectations, Path evidenceDir) {
            inspected.incrementAndGet();
            try {
                double flicker = Double.parseDouble(Files.readString(clip).strip());
                Map<Artifact, Double> scores = Map.of(Artifact.FLICKER, flicker, Artifact.MORPHING, 0.9);
                var failing = thresholds.failing(scores);
                return new QualityReport(clip.toString(), thresholds.verdict(scores), failing.map(Artifact::label).orElse(null),
                        scores, List.of(), 0.01, 10);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Repairs flicker by writing a clean score, and only flicker: a fake of what the media module's repair does. A
     * negative {@code repairedScore} stands for a repair that looks and finds nothing it can fix.
     */
    static final class RepairingInspector extends FileScoreInspector {
        final AtomicInteger repaired = new AtomicInteger();
        final double repairedScore;

        RepairingInspector(double repairedScore) {
            this.repairedScore = repairedScore;
        }

        @Override
        public java.util.Optional<ClipRepairer> repairer() {
            return java.util.Optional.of(new ClipRepairer() {
                @Override
                public String id() {
                    return "fake-repair";
                }

                @Override
                public boolean repairs(QualityReport report, QualityThresholds limits) {
                    return limits.below(report.scores()).equals(java.util.EnumSet.of(Artifact.FLICKER));
                }

                @Override
                public Repaired repair(Path clip, QualityReport report, QualityThresholds limits, Path folder) {
                    repaired.incrementAndGet();
                    if (repairedScore < 0) return null;
                    try {
                        Files.writeString(folder.resolve("repaired.txt"), Double.toString(repairedScore));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return new Repaired("repaired.txt", "flicker: 2 frames evened out");
                }
            });
        }
    }

    @Test
    void aRepairableRejectionIsRepairedInsteadOfPayingForAnotherTake() throws IOException {
        var generator = new ScriptedGenerator(true);
        var inspector = new RepairingInspector(0.9);
        StepCache cache = new StepCache(dir.resolve("cache"));
        var outcome = search(cache, generator, inspector, ProductionSpec.DEFAULTS, 0.2, 0.95);

        assertThat(generator.generated).containsExactly(0);
        assertThat(outcome.accepted()).isTrue();
        CandidateSearch.Candidate chosen = outcome.chosen();
        assertThat(chosen.repair()).isNotNull();
        assertThat(chosen.repair().rejected().value().failing()).isEqualTo("flicker");
        assertThat(chosen.clip().file(chosen.clip().value().file()).getFileName().toString()).isEqualTo("repaired.txt");
        assertThat(chosen.inspection().value().score(Artifact.FLICKER)).isEqualTo(0.9);

        // A re-run reuses the repair and both inspections: nothing is repaired or paid for twice.
        var again = search(cache, generator, inspector, ProductionSpec.DEFAULTS, 0.2, 0.95);
        assertThat(inspector.repaired).hasValue(1);
        assertThat(again.chosen().clip().hash()).isEqualTo(chosen.clip().hash());
    }

    @Test
    void aRepairThatStillFailsCostsTheNextTakeAsBefore() throws IOException {
        var generator = new ScriptedGenerator(true);
        var inspector = new RepairingInspector(0.3);
        var outcome = search(new StepCache(dir.resolve("cache")), generator, inspector, ProductionSpec.DEFAULTS, 0.2, 0.95);
        assertThat(generator.generated).containsExactly(0, 1);
        assertThat(outcome.chosen().index()).isEqualTo(1);
        assertThat(outcome.candidates().getFirst().repair()).isNull();
        assertThat(outcome.candidates().getFirst().clip().value().file()).isEqualTo("clip.txt");
    }

    @Test
    void aRepairThatFindsNothingToFixCostsTheNextTakeAndIsNotTriedAgain() throws IOException {
        var generator = new ScriptedGenerator(true);
        var inspector = new RepairingInspector(-1);
        StepCache cache = new StepCache(dir.resolve("cache"));
        var outcome = search(cache, generator, inspector, ProductionSpec.DEFAULTS, 0.2, 0.95);
        assertThat(generator.generated).containsExactly(0, 1);
        assertThat(outcome.chosen().index()).isEqualTo(1);
        assertThat(outcome.candidates().getFirst().repair()).isNull();
        assertThat(outcome.candidates().getFirst().clip().value().file()).isEqualTo("clip.txt");

        // The empty repair is remembered like any step: a re-run does not look again.
        search(cache, generator, inspector, ProductionSpec.DEFAULTS, 0.2, 0.95);
        assertThat(inspector.repaired).hasValue(1);
    }

    private CandidateSearch.Outcome search(StepCache cache, ScriptedGenerator generator, FileScoreInspector inspector, ProductionSpec spec,
            double... flickerByCandidate) {
        var search = new CandidateSearch(cache, generator, inspector, spec);
        return search.search(100, new QualityExpectations(null, null, null), (index, seed) -> {
            var clip = cache.run("clip", Map.of("i", index, "seed", seed), VideoGenerator.GeneratedClip.class, folder -> {
                generator.generated.add(index);
                try {
                    Files.writeString(folder.resolve("clip.txt"), Double.toString(flickerByCandidate[index]));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return new VideoGenerator.GeneratedClip("clip.txt", 10);
            });
            return new ClipMaker.Made(clip, List.of(clip), generator.id(), List.of(), generator.generative());
        });
    }

    private static ProductionSpec spec(String yaml, Path dir) throws IOException {
        return SpecLoader.load(Files.writeString(dir.resolve("production.yaml"), yaml));
    }

    @Test
    void adaptiveStopsAtTheFirstAcceptedClip() throws IOException {
        var generator = new ScriptedGenerator(true);
        var inspector = new FileScoreInspector();
        var outcome = search(new StepCache(dir.resolve("cache")), generator, inspector, spec("candidates_per_shot: 3\n", dir), 0.2, 0.8, 0.95);
        assertThat(generator.generated).containsExactly(0, 1);
        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.chosen().index()).isEqualTo(1);
        assertThat(outcome.chosen().seed()).isNotEqualTo(outcome.candidates().getFirst().seed());
        assertThat(outcome.candidates()).hasSize(2);
    }

    @Test
    void aCleanFirstClipIsTheOnlyOnePaidFor() throws IOException {
        var generator = new ScriptedGenerator(true);
        var outcome = search(new StepCache(dir.resolve("cache")), generator, new FileScoreInspector(), ProductionSpec.DEFAULTS, 0.9, 0.95, 0.99);
        assertThat(ProductionSpec.DEFAULTS.candidateStrategy()).isEqualTo(CandidateStrategy.ADAPTIVE);
        assertThat(generator.generated).containsExactly(0);
        assertThat(outcome.chosen().index()).isZero();
    }

    @Test
    void fixedPaysForEveryCandidateAndKeepsTheBest() throws IOException {
        var generator = new ScriptedGenerator(true);
        var spec = spec("candidates_per_shot: 3\ncandidate_strategy: fixed\n", dir);
        var search = new CandidateSearch(new StepCache(dir.resolve("cache")), generator, new FileScoreInspector(), spec);
        var outcome = search(new StepCache(dir.resolve("cache")), generator, new FileScoreInspector(), spec, 0.7, 0.3, 0.95);
        assertThat(generator.generated).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(outcome.chosen().index()).isEqualTo(2);
        assertThat(search.whyNotChosen(outcome.candidates().get(1), outcome)).startsWith("rejected: flicker 0.30 < 0.50");
        assertThat(search.whyNotChosen(outcome.candidates().get(0), outcome)).startsWith("accepted, but candidate 3 scored higher");
        assertThat(search.whyNotChosen(outcome.chosen(), outcome)).isNull();
    }

    @Test
    void whenNothingPassesTheLeastBadClipIsUsedAndFlagged() throws IOException {
        var generator = new ScriptedGenerator(true);
        var outcome = search(new StepCache(dir.resolve("cache")), generator, new FileScoreInspector(), spec("candidates_per_shot: 3\n", dir), 0.1, 0.4, 0.2);
        assertThat(generator.generated).containsExactly(0, 1, 2);
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.chosen().index()).isEqualTo(1);
    }

    @Test
    void candidatesInParallelStartsABatchAtOnce() throws IOException {
        var generator = new ScriptedGenerator(true);
        var outcome = search(new StepCache(dir.resolve("cache")), generator, new FileScoreInspector(),
                spec("candidates_per_shot: 4\ncandidates_in_parallel: 2\n", dir), 0.9, 0.2, 0.9, 0.9);
        // The first batch holds an accepted clip, so the second is never started.
        assertThat(generator.generated).containsExactlyInAnyOrder(0, 1);
        assertThat(outcome.chosen().index()).isZero();
    }

    @Test
    void aCameraMoveRendererHasOneUninspectedCandidate() throws IOException {
        var generator = new ScriptedGenerator(false);
        var inspector = new FileScoreInspector();
        var outcome = search(new StepCache(dir.resolve("cache")), generator, inspector, spec("candidates_per_shot: 3\n", dir), 0.1, 0.9, 0.9);
        assertThat(generator.generated).containsExactly(0);
        assertThat(inspector.inspected).hasValue(0);
        assertThat(outcome.inspected()).isFalse();
        assertThat(outcome.chosen().inspection()).isNull();
    }

    @Test
    void aRerunPaysForNothingAndInspectsNothingAgain() throws IOException {
        var cache = new StepCache(dir.resolve("cache"));
        var spec = spec("candidates_per_shot: 3\n", dir);
        search(cache, new ScriptedGenerator(true), new FileScoreInspector(), spec, 0.2, 0.8, 0.9);
        var generator = new ScriptedGenerator(true);
        var inspector = new FileScoreInspector();
        var again = search(cache, generator, inspector, spec, 0.2, 0.8, 0.9);
        assertThat(generator.generated).isEmpty();
        assertThat(inspector.inspected).hasValue(0);
        assertThat(again.candidates()).allSatisfy(c -> {
            assertThat(c.clip().reused()).isTrue();
            assertThat(c.inspection().reused()).isTrue();
        });
        // The cached report reads back whole: verdict and per-artifact scores.
        assertThat(again.candidates().getFirst().inspection().value().score(Artifact.FLICKER)).isEqualTo(0.2);
        assertThat(again.chosen().index()).isEqualTo(1);
    }
}
