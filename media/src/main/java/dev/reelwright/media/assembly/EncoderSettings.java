package dev.reelwright.media.assembly;

/**
 * How the finished video is encoded: H.264 (libx264, yuv420p, BT.601 matrix tagged as such) and AAC stereo at
 * 48 kHz in an MP4 with the index at the front.
 *
 * @param preset       libx264 speed preset
 * @param crf          constant rate factor (lower is better and bigger)
 * @param profile      H.264 profile
 * @param gopSeconds   keyframe interval
 * @param x264Threads  encoder threads; 0 lets x264 choose
 * @param audioBitrate AAC bits per second
 */
public record EncoderSettings(String preset, int crf, String profile, double gopSeconds, int x264Threads, int audioBitrate) {
    /**
     * veryfast, crf 21, high profile, 2 s GOP, x264's own thread count, AAC 160 kb/s. Measured on 2 cores at
     * 1080p30 with textured, panning footage: veryfast ~100 frames/s bare; faster and fast gain about 0.5 dB PSNR
     * for half the speed; superfast and ultrafast are no faster here but make files 3x larger at the same crf.
     * Fixing x264 at 2 threads was slower, 4 no better than automatic.
     */
    public static final EncoderSettings DEFAULT = new EncoderSettings("veryfast", 21, "high", 2.0, 0, 160_000);

    public EncoderSettings {
        if (crf < 0 || crf > 51) throw new IllegalArgumentException("crf must be 0..51, got " + crf);
        if (gopSeconds <= 0) throw new IllegalArgumentException("gop must be positive");
        if (x264Threads < 0) throw new IllegalArgumentException("threads must not be negative");
    }

    /** A short stable description, part of the assembler's id (and so of cache keys). */
    public String label() {
        return "x264-" + preset + "-crf" + crf + "-" + profile + "-g" + gopSeconds + "-aac" + audioBitrate / 1000 + "k";
    }
}
