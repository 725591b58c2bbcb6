package dev.reelwright.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import dev.reelwright.core.error.ReelwrightException;
import org.bytedeco.javacpp.Loader;

/**
 * The in-process FFmpeg (bytedeco natives). Loads the libraries once and keeps FFmpeg's own log to errors,
 * so a run's output is not flooded with encoder statistics.
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
            } catch (Throwable e) {
                throw new ReelwrightException("cannot load the bundled FFmpeg libraries (bytedeco natives for this platform): " + e.getMessage(), e);
            }
            loaded = true;
        }
    }

    /** Wraps an FFmpeg/JavaCV failure in a message that says what was being done. */
    public static ReelwrightException failure(String doing, Throwable cause) {
        if (cause instanceof ReelwrightException r) return r;
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ReelwrightException(doing + " failed: " + detail, cause);
    }
}
