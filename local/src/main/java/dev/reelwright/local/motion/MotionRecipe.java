package dev.reelwright.local.motion;

import dev.reelwright.core.model.CameraMove;
import java.util.Locale;
import java.util.Objects;

/**
 * The local "clip": a camera move over a still, written as {@code clip.motion.json} and rendered frame by frame when
 * the video is assembled. Keys in the file are snake_case ({@code focus_x}).
 *
 * @param version  format version, {@link #VERSION}
 * @param source   the keyframe: a file name next to the recipe, or an absolute path
 * @param camera   the move
 * @param frames   how many frames the clip lasts
 * @param fps      frames per second the move was planned for (sets its pace)
 * @param width    frame width the clip was made for
 * @param height   frame height the clip was made for
 * @param seed     varies the small free choices (drift direction)
 * @param easing   {@code ease_in_out_soft} (default), {@code ease_in_out}, {@code smoothstep} or {@code linear}
 * @param focusX   point of interest across the source, 0..1 (dolly moves push toward it)
 * @param focusY   point of interest down the source, 0..1
 */
public record MotionRecipe(int version, String source, CameraMove camera, int frames, int fps, int width, int height, long seed,
        String easing, double focusX, double focusY) {
    public static final int VERSION = 1;
    public static final String DEFAULT_EASING = "ease_in_out_soft";

    public MotionRecipe {
        if (version != VERSION) throw new IllegalArgumentException("motion recipe version " + version + " is not supported (expected " + VERSION + ")");
        if (source == null || source.isBlank()) throw new IllegalArgumentException("a motion recipe needs a source image");
        Objects.requireNonNull(camera, "camera");
        if (frames < 1) throw new IllegalArgumentException("a clip needs at least one frame");
        if (fps < 1 || fps > 120) throw new IllegalArgumentException("fps must be 1..120, got " + fps);
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("frame size must be positive");
        easing = easing == null || easing.isBlank() ? DEFAULT_EASING : easing.trim().toLowerCase(Locale.ROOT);
        Easing.of(easing);
        focusX = Double.isFinite(focusX) ? Math.max(0, Math.min(1, focusX)) : 0.5;
        focusY = Double.isFinite(focusY) ? Math.max(0, Math.min(1, focusY)) : 0.5;
    }

    /** Seconds the clip lasts at its fps. */
    public double seconds() {
        return frames / (double) fps;
    }
}
