package dev.reelwright.media.quality;

import java.util.List;
import java.util.Set;

/**
 * A procedural scene for the labelled test set: a textured world seen by a moving camera, with flat-shaded props,
 * a stick-built figure, a sign with words and a blinking lamp, plus the global light (fades, pulses). Lengths are in
 * world units where one unit is the frame height at zoom 1, so a scene renders the same at any resolution. The
 * {@code Injection} fields describe an artifact added on purpose; a clean scene has none.
 */
record TestScene(
        long seed,
        int frames,
        Camera camera,
        List<Prop> props,
        Figure figure,
        Sign sign,
        Lamp lamp,
        Light light,
        TestScene after,
        int cutFrame,
        Injection injection) {

    /** Camera centre and zoom move linearly from start to end. */
    record Camera(double x0, double y0, double zoom0, double x1, double y1, double zoom1) {
        double x(double t) {
            return x0 + (x1 - x0) * t;
        }

        double y(double t) {
            return y0 + (y1 - y0) * t;
        }

        double zoom(double t) {
            return zoom0 + (zoom1 - zoom0) * t;
        }
    }

    enum Shape { DISC, ROUNDED_SQUARE, TRIANGLE, BLOB }

    /** A flat-shaded object moving linearly in world units per second, spinning slowly. */
    record Prop(Shape shape, double x, double y, double radius, double vx, double vy, double spin, int rgb) {}

    /** A person-like figure: head, torso, two arms, two legs; it walks at {@code vx} and swings its arms. */
    record Figure(double x, double y, double height, double vx, double swing, int skin, int shirt, int trousers) {}

    /** A board with words on it; from {@code changeFrame} on (when not negative) it shows {@code laterText}. */
    record Sign(double x, double y, double height, String text, String laterText, int changeFrame, int board, int ink) {}

    /** A small light blinking on and off, {@code period} frames per cycle (half on, half off). */
    record Lamp(double x, double y, double radius, int period) {}

    /** Fades from and to black over {@code fadeFrames}, a slow sinusoidal pulse of {@code pulse} amplitude at {@code pulseHz}. */
    record Light(int fadeInFrames, int fadeOutFrames, double pulse, double pulseHz, double grain) {
        static final Light PLAIN = new Light(0, 0, 0, 0, 2);
    }

    /** An artifact put in on purpose: which, how strong (0..1 scale of the strength's parameters), where and when. */
    sealed interface Injection permits Flicker, Teleport, Morph, Ghost, TextCorruption, Drift {}

    /** Brightness multiplied by {@code gain} on each frame in {@code frames}. */
    record Flicker(Set<Integer> frames, double gain) implements Injection {}

    /** Prop {@code prop} is shifted by (dx, dy) world units for frames [from, to). */
    record Teleport(int prop, int from, int to, double dx, double dy) implements Injection {}

    /** Prop {@code prop}'s outline deforms from frame {@code from}, reaching {@code amount} after {@code ramp} frames, and stays so. */
    record Morph(int prop, int from, int ramp, double amount, int lobes, double phase) implements Injection {}

    /**
     * An extra limb on the figure for frames [from, to): where it attaches on the torso's side (0 shoulder, 1 hip,
     * 2 waist; the side is the one the angle points to), its angle (radians, 0 = right, y down) and length (share of
     * the figure's height).
     */
    record Ghost(int from, int to, int attach, double angle, double length) implements Injection {}

    /**
     * The subject drifts from frame {@code from} on, over {@code ramp} frames (1: at once), {@code amount} of the way
     * and then stays so: the figure's skin, shirt, trousers and height towards {@code figure}'s (when not null), prop
     * {@code prop}'s colour towards {@code rgb} (when {@code prop} is not negative).
     */
    record Drift(int from, int ramp, double amount, Figure figure, int prop, int rgb) implements Injection {
        /** How far the drift has gone at frame {@code index} (0 before it starts, {@code amount} once it is done). */
        double at(int index) {
            if (index < from) return 0;
            double ramped = Math.min(1, (index - from + 1) / (double) Math.max(1, ramp));
            return amount * (0.5 - 0.5 * Math.cos(Math.PI * ramped));
        }
    }

    /** The sign's text is damaged for frames [from, to): letters replaced by others, or blurred (Gaussian sigma as a share of the sign's height). */
    record TextCorruption(int from, int to, String garbled, double blur) implements Injection {}
}
