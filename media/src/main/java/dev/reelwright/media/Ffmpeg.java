package dev.reelwright.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_CPU_FLAG_AVX2;
import static org.bytedeco.ffmpeg.global.avutil.AV_CPU_FLAG_SLOW_GATHER;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_force_cpu_flags;
import static org.bytedeco.ffmpeg.global.avutil.av_get_cpu_flags;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import dev.reelwright.core.error.ReelwrightException;
import org.bytedeco.javacpp.Loader;

/**
 * The in-process FFmpeg (bytedeco natives). Loads the libraries once, keeps FFmpeg's own log to errors, so a run's
 * output is not flooded with encoder statistics, and steers FFmpeg away from its gather-based kernels.
 */
public final class Ffmpeg {
    private static volatile boolean loaded;

    private Ffmpeg() {}

    /** Loads the natives; cheap after the first call. */
    public static void load() {
        if (loaded) return;
        synchronized (Ffmpeg.class) {
            if (loaded) return;
            try {
                Loader.load(org.bytedeco.ffmpeg.global.avutil.class);
                Loader.load(org.bytedeco.ffmpeg.global.avcodec.class);
                Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
                Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
                Loader.load(org.bytedeco.ffmpeg.global.swresample.class);
                av_log_set_level(AV_LOG_ERROR);
                avoidGathers();
            } catch (Throwable e) {
                throw new ReelwrightException("cannot load the bundled FFmpeg libraries (bytedeco natives for this platform): " + e.getMessage(), e);
            }
            loaded = true;
        }
    }

    /**
     * Marks the processor's AVX2 gathers as slow, before any scaler or codec is set up. FFmpeg's AVX2 horizontal
     * scaler reads its filter taps with {@code vpgatherdd} unless the CPU carries {@code AV_CPU_FLAG_SLOW_GATHER}
     * (libswscale/x86/swscale.c, {@code ff_sws_init_swscale_x86}), and FFmpeg sets that flag only for the older
     * processors it measured. On this project's AMD EPYC machines the gather-free SSSE3 kernel shrinks a 1080p frame
     * to the quality inspector's working size in half the time (about 0.5 against 1.0 ms), with bit-identical output.
     * The flag only demotes kernels that have a gather-free twin (the scalers' and libavutil's FFT codelets), so it
     * is set once for the whole process rather than per scaler: FFmpeg's CPU flags are global.
     */
    private static void avoidGathers() {
        int flags = av_get_cpu_flags();
        if ((flags & AV_CPU_FLAG_AVX2) != 0 && (flags & AV_CPU_FLAG_SLOW_GATHER) == 0) {
            av_force_cpu_flags(flags | AV_CPU_FLAG_SLOW_GATHER);
        }
    }

    /** Wraps an FFmpeg/JavaCV failure in a message that says what was being done. */
    public static ReelwrightException failure(String doing, Throwable cause) {
        if (cause instanceof ReelwrightException r) return r;
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ReelwrightException(doing + " failed: " + detail, cause);
    }
}
