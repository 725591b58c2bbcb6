package dev.reelwright.core.pipeline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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

    public record SceneReport(String id, String heading, double start, double seconds, String camera, String mood,
                              int words, List<StepReport> steps) {}

    /** One step; {@code usd} is what it cost in this run (0 when reused from the cache: nothing was paid twice). */
    public record StepReport(String kind, String scene, String hash, boolean reused, double seconds, String file, double usd,
                             boolean estimatedCost) {}

    public record StepSummary(int run, int reused, List<StepReport> all) {}

    /**
     * Money in US dollars spent by this run: {@code actual} sums every call's charge, {@code estimated} the part
     * of it that came from catalog prices because the vendor did not report one. The local providers cost nothing.
     */
    public record Cost(String currency, double estimated, double actual, double perFinishedMinute, Map<String, Double> byStage) {}
}
