package dev.reelwright.media.quality;

/**
 * Turns a detector's badness (in its own units: a brightness jump, a jump length, a shape drift) into a score from 1
 * (clean) to 0. The map is smooth and monotone, so scores rank clips the way the badness does (what ROC AUC
 * measures), and it passes 0.5 exactly at the detector's tuned critical badness: the default threshold.
 */
final class Scores {
    private Scores() {}

    static double fromBadness(double badness, double critical) {
        if (!(badness > 0)) return 1;
        return Math.pow(2, -badness / critical);
    }

    static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
