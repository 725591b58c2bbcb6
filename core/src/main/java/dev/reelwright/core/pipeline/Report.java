package dev.reelwright.core.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.Evidence;
import java.util.List;
import java.util.Map;

/** report.json: what was made, from which assets, how long each stage took, what it cost, what was reused. */
@JsonPropertyOrder({"status", "title", "input", "output", "video", "scenes", "cost", "timings", "steps", "providers"})
public record Report(
        String status,
        String title,
        String input,
        String output,
        VideoInfo video,
        List<SceneReport> scenes,
        Cost cost,
        Map<String, Double> timings,
        StepSummary steps,
        Map<String, String> providers) {

    public record VideoInfo(String file, int width, int height, int fps, int frames, double seconds, String captionsSrt,
                            String captionsVtt, String poster) {}

    /**
     * {@code clip} says how the shot's clip was chosen: {@code accepted} (passed the quality filter),
     * {@code best_rejected} (no candidate passed; the least bad one is used: review it) or {@code not_inspected}
     * (the generator only moves a camera over the keyframe, so there is nothing to filter).
     */
    public record SceneReport(String id, String heading, double start, double seconds, String camera, String mood,
                              int words, String model, List<String> routing, String clip, List<CandidateReport> candidates,
                              List<StepReport> steps) {}

    /**
     * One clip generated for a shot: its file, the quality filter's verdict and scores, and, for those not used, why
     * ({@code lostBecause}). {@code evidence} names frame pairs (in {@code evidenceFolder}) that show each problem.
     * {@code repaired} says what was fixed when the filter rejected the clip as generated and its repair passed:
     * verdict, scores and file are then the repaired clip's.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CandidateReport(int candidate, long seed, String file, boolean chosen, String verdict, String failing,
                                  Map<Artifact, Double> scores, List<Evidence> evidence, String evidenceFolder, String lostBecause,
                                  String repaired) {}

    /** One step; {@code usd} is what it cost in this run (0 when reused from the cache: nothing was paid twice). */
    public record StepReport(String kind, String scene, String hash, boolean reused, double seconds, String file, double usd,
                             boolean estimatedCost) {}

    public record StepSummary(int run, int reused, List<StepReport> all) {}

    /**
     * Money in US dollars spent by this run: {@code actual} sums every call's charge, {@code estimated} the part
     * of it that came from catalog prices because the vendor did not report one. {@code estimatedBeforeCalls} sums
     * what the calls were expected to cost when they reserved against the {@code budget}; {@code byVendor} and
     * {@code stages} split expected against actual. The local providers cost nothing.
     */
    public record Cost(String currency, double estimated, double actual, double perFinishedMinute, Map<String, Double> byStage,
                       Double budget, double estimatedBeforeCalls, double estimatedPerFinishedMinute, Map<String, Amount> byVendor,
                       Map<String, Amount> stages) {}

    /** Expected (reserved) and actual dollars of some calls, and how many calls. */
    public record Amount(double estimated, double actual, int calls) {}
}
