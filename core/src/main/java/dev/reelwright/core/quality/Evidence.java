package dev.reelwright.core.quality;

/**
 * Where an artifact is worst: the time span (seconds from the clip's start) and, when the inspector was asked to
 * keep evidence, the file names of the two frames that show it (inside the evidence folder; null otherwise).
 */
public record Evidence(Artifact artifact, double from, double to, String framePairA, String framePairB, String note) {
    public Evidence {
        if (artifact == null) throw new IllegalArgumentException("evidence needs an artifact");
        if (to < from) throw new IllegalArgumentException("evidence span ends before it starts: " + from + " > " + to);
    }

    public Evidence withFrames(String a, String b) {
        return new Evidence(artifact, from, to, a, b, note);
    }
}
