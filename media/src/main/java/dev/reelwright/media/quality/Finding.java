package dev.reelwright.media.quality;

import dev.reelwright.core.quality.Artifact;

/** A detector's verdict on one clip: its score (1 clean .. 0 worst), the worst moment if any, and a short note why. */
record Finding(Artifact artifact, double score, Capture worst, String note) {}
