package dev.reelwright.media.audio;

/**
 * One gain per voice clip so narration sits at a steady level: the loudness of the speech itself (20 ms blocks
 * within 30 dB of the loudest, so pauses do not count) is brought to about -18 dBFS RMS, never so far that a peak
 * passes -2 dBFS, and never boosted more than +20 dB (no pumping a near-silent take into noise).
 */
public final class VoiceLeveler {
    static final double TARGET_RMS = 0.126; // -18 dBFS
    static final double PEAK_CEILING = 0.79; // -2 dBFS
    static final double MAX_GAIN = 10.0; // +20 dB

    private VoiceLeveler() {}

    public static float gain(float[] samples, int sampleRate) {
        float peak = 0;
        for (float s : samples) peak = Math.max(peak, Math.abs(s));
        if (peak < 1e-4f) return 1f;
        int block = Math.max(1, sampleRate / 50);
        int blocks = (samples.length + block - 1) / block;
        double[] energy = new double[blocks];
        double loudest = 0;
        for (int b = 0; b < blocks; b++) {
            int from = b * block, to = Math.min(samples.length, from + block);
            double sum = 0;
            for (int i = from; i < to; i++) sum += samples[i] * (double) samples[i];
            energy[b] = sum / (to - from);
            loudest = Math.max(loudest, energy[b]);
        }
        double gate = loudest * 1e-3; // -30 dB in energy
        double sum = 0;
        int active = 0;
        for (double e : energy) {
            if (e >= gate) {
                sum += e;
                active++;
            }
        }
        double rms = Math.sqrt(sum / Math.max(1, active));
        double gain = Math.min(TARGET_RMS / rms, Math.min(PEAK_CEILING / peak, MAX_GAIN));
        return (float) gain;
    }
}
