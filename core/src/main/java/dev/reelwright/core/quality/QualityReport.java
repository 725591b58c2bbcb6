package dev.reelwright.core.quality;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The inspector's answer for one clip. Scores run from 1 (clean) to 0 (worst) for every {@link Artifact};
 * {@code failing} names the artifact that decided a rejection (the one furthest below its threshold), or is null.
 * {@code seconds} is how long the inspection took, {@code framesAnalysed} how many frames it looked at.
 */
@JsonPropertyOrder({"clip", "verdict", "failing", "scores", "evidence", "seconds", "frames_analysed"})
public record QualityReport(
        String clip,
        Verdict verdict,
        String failing,
        Map<Artifact, Double> scores,
        List<Evidence> evidence,
        double seconds,
        int framesAnalysed) {

    public QualityReport {
        EnumMap<Artifact, Double> ordered = new EnumMap<>(Artifact.class);
        ordered.putAll(scores);
        scores = Collections.unmodifiableMap(ordered);
        evidence = List.copyOf(evidence);
    }

    public double score(Artifact artifact) {
        return scores.getOrDefault(artifact, 1.0);
    }

    public boolean accepted() {
        return verdict == Verdict.ACCEPT;
    }

    /** Frames looked at per second of inspection time. */
    public double framesPerSecond() {
        return seconds > 0 ? framesAnalysed / seconds : 0;
    }
}
