package dev.reelwright.media.quality;

import dev.reelwright.core.quality.Artifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The labelled test set for the quality inspector, generated rather than stored: clean clips of the kinds the project
 * makes (camera moves over textured worlds, moving props, a figure, a sign with words), hard negatives that a careless
 * detector would reject, and each artifact injected at three strengths. Everything is deterministic by seed.
 *
 * <p>What counts as legitimate (hard negatives, which must be accepted):
 * <ul>
 *   <li>{@link Kind#FAST_PAN}: the camera crosses about two frame widths in three seconds (10+ px a frame at 480 px);
 *   <li>{@link Kind#FADE}: fade in from black and out to black, 0.4 s each;
 *   <li>{@link Kind#CUT}: a hard cut to a different scene halfway;
 *   <li>{@link Kind#BLINK}: strobing that is content: a small lamp (under 2 % of the frame) blinking regularly,
 *       8 frames on and 8 off (under 2 flashes a second, within WCAG 2.3.1's three flashes per second);
 *   <li>{@link Kind#PULSE}: the whole picture's light pulsing slowly and smoothly, +/- 8 % at 1 Hz;
 *   <li>{@link Kind#TEXT_CHANGE}: the sign's words replaced, in one cut, by other clean words;
 *   <li>{@link Kind#CAMERA_MOVE}: the camera dollies in to 1.6 times the size, cranes up and pans past the figure,
 *       which ends cut by the frame's edges: the subject is right, only seen differently.
 * </ul>
 *
 * <p>Every clip comes with its reference image, {@link LabelledClip#reference()}: its clean first frame at full
 * light, what the keyframe it was made from would be, for the subject consistency check.
 */
public final class QualityTestSet {
    private QualityTestSet() {}

    public enum Strength {
        WEAK, MEDIUM, STRONG;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Kind {
        PAN_SHAPES(false), ZOOM_FIGURE(false), TEXT_SIGN(false), STATIC_FIGURE(false),
        FAST_PAN(true), FADE(true), CUT(true), BLINK(true), PULSE(true), TEXT_CHANGE(true), CAMERA_MOVE(true);

        private final boolean hardNegative;

        Kind(boolean hardNegative) {
            this.hardNegative = hardNegative;
        }

        public boolean hardNegative() {
            return hardNegative;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Frame size, rate and length of the generated clips. */
    public record Settings(int width, int height, int fps, double seconds) {
        public static final Settings DEFAULT = new Settings(640, 360, 30, 3.0);

        public int frames() {
            return (int) Math.round(seconds * fps);
        }
    }

    /**
     * One generated clip and what it is: clean ({@code artifact} null) or with an artifact at a strength, and the
     * image it should stay true to (PNG; null when there is none).
     */
    public record LabelledClip(String name, Path file, Kind kind, Artifact artifact, Strength strength, long seed, Path reference) {
        public boolean clean() {
            return artifact == null;
        }
    }

    private static final String[][] WORDS = {
        {"FRESH BREAD", "HOT COFFEE"}, {"OPEN DAILY", "CLOSED TODAY"}, {"CITY LIBRARY", "TOWN MUSEUM"},
        {"FISH MARKET", "FLOWER SHOP"}, {"NORTH STATION", "SOUTH STATION"}, {"GOOD FOOD", "FREE WATER"},
        {"BOOK STORE", "SHOE STORE"}, {"RIVER PARK", "GREEN PARK"}};
    private static final int[] SKINS = {0xE0AC69, 0xC68642, 0xF1C27D, 0x8D5524, 0xFFDBAC};
    /** What clothes and props may drift to: other plausible colours. */
    private static final int[] DRIFT_SHIRTS = {0xB8452E, 0x2E9E9E, 0x7AB82E, 0xB03080, 0x3050C0, 0xD0B040};
    private static final int[] DRIFT_TROUSERS = {0x3E5F8A, 0xA08A5A, 0x5F6A2E, 0x7A2E3E, 0x2E7A6A};
    private static final int[] DRIFT_PROPS = {0xD83A3A, 0x3A7BD8, 0xE8C02A, 0x2FAF5A, 0x9B4FD0, 0xF07A1A, 0x2EC8C8, 0xD83AA0};

    /** The whole set: every clean kind and hard negative for each seed, and each artifact at each strength for each seed. */
    public static List<LabelledClip> build(Path dir, Settings settings, int seeds, Set<Strength> strengths) {
        List<java.util.concurrent.Callable<LabelledClip>> jobs = new ArrayList<>();
        for (int seed = 1; seed <= seeds; seed++) {
            long s = seed;
            for (Kind kind : Kind.values()) jobs.add(() -> clean(dir, kind, s, settings));
            for (Artifact artifact : injectable()) {
                for (Strength strength : strengths) jobs.add(() -> injected(dir, artifact, strength, s, settings));
            }
        }
        return runAll(jobs);
    }

    /** The artifacts the set can inject (frozen, black and format are made directly). */
    public static List<Artifact> injectable() {
        return List.of(Artifact.FLICKER, Artifact.TELEPORTATION, Artifact.MORPHING, Artifact.GHOST_LIMBS, Artifact.TEXT_CORRUPTION,
                Artifact.SUBJECT_DRIFT);
    }

    static List<LabelledClip> runAll(List<java.util.concurrent.Callable<LabelledClip>> jobs) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
            Thread thread = new Thread(runnable, "quality-testset");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<LabelledClip>> futures = new ArrayList<>();
            for (var job : jobs) futures.add(pool.submit(job));
            List<LabelledClip> clips = new ArrayList<>();
            for (Future<LabelledClip> future : futures) clips.add(future.get());
            return clips;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the quality test set", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("cannot generate the quality test set", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public static LabelledClip clean(Path dir, Kind kind, long seed, Settings settings) {
        TestScene scene = scene(kind, seed, settings);
        String name = (kind.hardNegative() ? "hard-" : "clean-") + kind.label().replace('_', '-') + "-" + seed;
        return new LabelledClip(name, write(dir, name, scene, settings), kind, null, null, seed, reference(dir, name, scene, settings));
    }

    public static LabelledClip injected(Path dir, Artifact artifact, Strength strength, long seed, Settings settings) {
        Random random = new Random(seed * 7919 + artifact.ordinal() * 31L + strength.ordinal());
        int frames = settings.frames();
        int level = strength.ordinal();
        Kind base;
        TestScene.Injection injection;
        switch (artifact) {
            case FLICKER -> {
                base = pick(random, Kind.PAN_SHAPES, Kind.STATIC_FIGURE, Kind.TEXT_SIGN, Kind.ZOOM_FIGURE);
                int count = new int[] {3, 4, 6}[level];
                double size = new double[] {0.06, 0.12, 0.25}[level];
                Set<Integer> at = new LinkedHashSet<>();
                while (at.size() < count) {
                    int f = 4 + random.nextInt(frames - 8);
                    if (at.stream().noneMatch(other -> Math.abs(other - f) < 4)) at.add(f);
                }
                injection = new TestScene.Flicker(Set.copyOf(at), random.nextBoolean() ? 1 + size : 1 - size);
            }
            case TELEPORTATION -> {
                base = pick(random, Kind.PAN_SHAPES, Kind.STATIC_FIGURE, Kind.ZOOM_FIGURE);
                double aspect = settings.width() / (double) settings.height();
                double distance = new double[] {0.05, 0.10, 0.18}[level] * aspect;
                int from = (int) (frames * (0.3 + 0.3 * random.nextDouble()));
                int[] lengths = {1, 2, 3, frames};
                int to = Math.min(frames, from + lengths[random.nextInt(lengths.length)]);
                TestScene scene = scene(base, seed, settings);
                injection = landing(scene, visibleProp(scene, from, settings), random, from, to, distance, settings);
            }
            case MORPHING -> {
                base = pick(random, Kind.PAN_SHAPES, Kind.STATIC_FIGURE);
                int from = (int) (frames * (0.2 + 0.15 * random.nextDouble()));
                double amount = new double[] {0.08, 0.18, 0.32}[level];
                int prop = visibleProp(scene(base, seed, settings), from, settings);
                injection = new TestScene.Morph(prop, from, 20 + random.nextInt(10), amount, 3 + random.nextInt(3), random.nextDouble() * 2 * Math.PI);
            }
            case GHOST_LIMBS -> {
                base = pick(random, Kind.STATIC_FIGURE, Kind.ZOOM_FIGURE);
                int from = (int) (frames * (0.3 + 0.35 * random.nextDouble()));
                int length = new int[] {2, 3, 5}[level];
                double[] angles = {-Math.PI / 4, -3 * Math.PI / 4, 0.1, Math.PI - 0.1, -0.4, Math.PI + 0.4};
                injection = new TestScene.Ghost(from, from + length, random.nextInt(3), angles[random.nextInt(angles.length)],
                        new double[] {0.2, 0.3, 0.4}[level]);
            }
            case TEXT_CORRUPTION -> {
                base = Kind.TEXT_SIGN;
                int from = (int) (frames * (0.35 + 0.15 * random.nextDouble()));
                int to = level == 2 ? frames : Math.min(frames, from + new int[] {15, 25}[level]);
                String original = WORDS[(int) Math.floorMod(seed, WORDS.length)][0];
                int mode = (int) Math.floorMod(seed, 3);
                if (mode == 2) {
                    injection = new TestScene.TextCorruption(from, to, null, new double[] {0.02, 0.045, 0.08}[level]);
                } else {
                    String garbled = mode == 0 ? replaceLetters(original, new double[] {0.15, 0.4, 0.8}[level], random)
                            : scramble(original, level, random);
                    injection = new TestScene.TextCorruption(from, to, garbled, 0);
                }
            }
            case SUBJECT_DRIFT -> {
                base = pick(random, Kind.STATIC_FIGURE, Kind.ZOOM_FIGURE, Kind.PAN_SHAPES);
                int from = (int) (frames * (0.3 + 0.2 * random.nextDouble()));
                int ramp = random.nextBoolean() ? 1 : 15 + random.nextInt(15);
                injection = drift(scene(base, seed, settings), level, from, ramp, random, settings);
            }
            default -> throw new IllegalArgumentException(artifact.label() + " is not injected by the test set");
        }
        TestScene clean = scene(base, seed, settings);
        TestScene scene = new TestScene(clean.seed(), clean.frames(), clean.camera(), clean.props(), clean.figure(), clean.sign(),
                clean.lamp(), clean.light(), clean.after(), clean.cutFrame(), injection);
        String name = artifact.label().replace('_', '-') + "-" + strength.label() + "-" + seed;
        return new LabelledClip(name, write(dir, name, scene, settings), base, artifact, strength, seed, reference(dir, name, clean, settings));
    }

    /**
     * Across clips: another shot of the same character made from a different reference, in which the character is
     * another figure (other skin, clothes and build) and the camera stands a little to the side. Its reference is
     * the first shot's keyframe, which the clip must not pass for.
     */
    public static LabelledClip acrossClips(Path dir, long seed, Settings settings) {
        TestScene first = scene(Kind.STATIC_FIGURE, seed, settings);
        Random random = new Random(seed * 6151 + 17);
        TestScene.Figure other = otherFigure(first, first.figure(), 2, random);
        TestScene.Camera c = first.camera();
        double side = (random.nextBoolean() ? 1 : -1) * 0.06;
        TestScene.Camera camera = new TestScene.Camera(c.x0() + side, c.y0(), c.zoom0(), c.x1() + side, c.y1(), c.zoom1());
        TestScene second = new TestScene(first.seed(), first.frames(), camera, first.props(), first.figure(), null, null,
                first.light(), null, -1, new TestScene.Drift(0, 1, 1, other, -1, 0));
        String name = "across-clips-" + seed;
        return new LabelledClip(name, write(dir, name, second, settings), Kind.STATIC_FIGURE, Artifact.SUBJECT_DRIFT, Strength.STRONG, seed,
                reference(dir, name, first, settings));
    }

    /**
     * Subject drift: on a scene with a figure, its shirt half-way to another colour (weak), shirt and trousers
     * changed (medium), or the figure turned into another one (strong: skin, clothes and a 12 % taller build); on a
     * scene of props, the most visible prop's colour 40, 75 or 100 % of the way to another. New colours are the
     * candidates furthest in hue from the scene's other colours, so the change is a change of look.
     */
    private static TestScene.Drift drift(TestScene scene, int level, int from, int ramp, Random random, Settings settings) {
        if (scene.figure() != null) {
            double amount = new double[] {0.5, 1, 1}[level];
            return new TestScene.Drift(from, ramp, amount, otherFigure(scene, scene.figure(), level, random), -1, 0);
        }
        int prop = visibleProp(scene, from, settings);
        List<Integer> avoid = new ArrayList<>();
        for (TestScene.Prop other : scene.props()) avoid.add(other.rgb());
        return new TestScene.Drift(from, ramp, new double[] {0.4, 0.75, 1}[level], null, prop, furthest(DRIFT_PROPS, avoid));
    }

    /** The figure changed as {@link #drift} describes for the level (0 weak, 1 medium, 2 strong). */
    private static TestScene.Figure otherFigure(TestScene scene, TestScene.Figure f, int level, Random random) {
        List<Integer> avoid = new ArrayList<>(List.of(f.skin(), f.shirt()));
        for (TestScene.Prop prop : scene.props()) avoid.add(prop.rgb());
        int shirt = furthest(DRIFT_SHIRTS, avoid);
        int trousers = f.trousers(), skin = f.skin();
        double height = f.height();
        if (level >= 1) {
            avoid.add(shirt);
            avoid.add(f.trousers());
            trousers = furthest(DRIFT_TROUSERS, avoid);
        }
        if (level >= 2) {
            double saturation = saturation(f.skin()), best = -1;
            for (int candidate : SKINS) {
                double apart = Math.abs(saturation(candidate) - saturation);
                if (apart > best) {
                    best = apart;
                    skin = candidate;
                }
            }
            height *= 1.12;
        }
        return new TestScene.Figure(f.x(), f.y(), height, f.vx(), f.swing(), skin, shirt, trousers);
    }

    /** The candidate whose hue is furthest from every coloured one of {@code avoid} (greys have no hue to avoid). */
    private static int furthest(int[] candidates, List<Integer> avoid) {
        int best = candidates[0];
        double bestDistance = -1;
        for (int candidate : candidates) {
            double distance = 360;
            for (int other : avoid) {
                if (other == candidate) distance = 0;
                else if (saturation(other) > 0.15) distance = Math.min(distance, hueDistance(hue(candidate), hue(other)));
            }
            if (distance > bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best;
    }

    private static float[] hsb(int rgb) {
        return java.awt.Color.RGBtoHSB((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, null);
    }

    private static double hue(int rgb) {
        return 360 * hsb(rgb)[0];
    }

    private static double saturation(int rgb) {
        return hsb(rgb)[1];
    }

    private static double hueDistance(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return Math.min(d, 360 - d);
    }

    /**
     * A teleport of prop 0 by {@code distance} world units in a direction where it lands inside the picture and clear
     * of the other props and the figure (landing on something else would be occlusion, another matter).
     */
    private static TestScene.Teleport landing(TestScene scene, int index, Random random, int from, int to, double distance, Settings settings) {
        double t = from / (double) settings.fps(), progress = from / (double) Math.max(1, scene.frames() - 1);
        TestScene.Camera camera = scene.camera();
        double zoom = camera.zoom(progress), halfW = settings.width() / (double) settings.height() / 2 / zoom, halfH = 0.5 / zoom;
        TestScene.Prop prop = scene.props().get(index);
        double px = prop.x() + prop.vx() * t, py = prop.y() + prop.vy() * t;
        double start = random.nextDouble() * 2 * Math.PI;
        double[] fallback = null;
        for (int k = 0; k < 24; k++) {
            double angle = start + k * Math.PI / 12;
            double dx = distance * Math.cos(angle), dy = distance * Math.sin(angle), x = px + dx, y = py + dy;
            double margin = 1.3 * prop.radius() + 0.03;
            if (Math.abs(x - camera.x(progress)) > halfW - margin || Math.abs(y - camera.y(progress)) > halfH - margin) continue;
            if (fallback == null) fallback = new double[] {dx, dy};
            boolean clear = true;
            for (int p = 0; p < scene.props().size(); p++) {
                if (p == index) continue;
                TestScene.Prop other = scene.props().get(p);
                if (Math.hypot(x - (other.x() + other.vx() * t), y - (other.y() + other.vy() * t)) < 1.3 * (prop.radius() + other.radius()) + 0.05) clear = false;
            }
            if (scene.figure() != null) {
                double[] box = box(scene.figure(), settings.seconds());
                if (x + margin > box[0] && x - margin < box[2] && y + margin > box[1] && y - margin < box[3]) clear = false;
            }
            if (clear) return new TestScene.Teleport(index, from, to, dx, dy);
        }
        double[] d = fallback != null ? fallback : new double[] {distance, 0};
        return new TestScene.Teleport(index, from, to, d[0], d[1]);
    }

    /** The prop that stays whole in the picture for most of the clip from {@code from} on (camera moves take some out). */
    private static int visibleProp(TestScene scene, int from, Settings settings) {
        int best = 0, bestFrames = -1;
        for (int p = 0; p < scene.props().size(); p++) {
            TestScene.Prop prop = scene.props().get(p);
            int inside = 0;
            for (int f = from; f < scene.frames(); f++) {
                double t = f / (double) settings.fps(), progress = f / (double) Math.max(1, scene.frames() - 1);
                TestScene.Camera camera = scene.camera();
                double zoom = camera.zoom(progress), halfW = settings.width() / (double) settings.height() / 2 / zoom, halfH = 0.5 / zoom;
                double x = prop.x() + prop.vx() * t, y = prop.y() + prop.vy() * t, margin = 1.4 * prop.radius();
                if (Math.abs(x - camera.x(progress)) < halfW - margin && Math.abs(y - camera.y(progress)) < halfH - margin) inside++;
            }
            if (inside > bestFrames) {
                best = p;
                bestFrames = inside;
            }
        }
        return best;
    }

    /** A clip whose every frame is the first frame of a clean scene. */
    public static LabelledClip frozen(Path dir, long seed, Settings settings) {
        SceneRenderer renderer = new SceneRenderer(scene(Kind.PAN_SHAPES, seed, settings), settings.width(), settings.height(), settings.fps());
        int[] still = renderer.render(0).clone();
        String name = "frozen-" + seed;
        Path file = TestClipWriter.write(file(dir, name), settings.width(), settings.height(), settings.fps(), settings.frames(), i -> still);
        return new LabelledClip(name, file, Kind.PAN_SHAPES, Artifact.FROZEN, Strength.STRONG, seed,
                reference(dir, name, scene(Kind.PAN_SHAPES, seed, settings), settings));
    }

    /** A clip that is black throughout. */
    public static LabelledClip black(Path dir, Settings settings) {
        int[] black = new int[settings.width() * settings.height()];
        String name = "black";
        Path file = TestClipWriter.write(file(dir, name), settings.width(), settings.height(), settings.fps(), settings.frames(), i -> black);
        return new LabelledClip(name, file, Kind.PAN_SHAPES, Artifact.BLACK, Strength.STRONG, 0, null);
    }

    /** A clean clip of the given kind rendered at another size and length (for speed measurements). */
    public static Path render(Path file, Kind kind, long seed, Settings settings) {
        TestScene scene = scene(kind, seed, settings);
        SceneRenderer renderer = new SceneRenderer(scene, settings.width(), settings.height(), settings.fps());
        return TestClipWriter.write(file, settings.width(), settings.height(), settings.fps(), settings.frames(), renderer::render);
    }

    private static Path write(Path dir, String name, TestScene scene, Settings settings) {
        SceneRenderer renderer = new SceneRenderer(scene, settings.width(), settings.height(), settings.fps());
        return TestClipWriter.write(file(dir, name), settings.width(), settings.height(), settings.fps(), settings.frames(), renderer::render);
    }

    /**
     * The keyframe a clip of {@code scene} would have been made from: its first frame with nothing injected and at
     * full light (no fade, no pulse), as a PNG beside the clip.
     */
    private static Path reference(Path dir, String name, TestScene scene, Settings settings) {
        TestScene keyframe = new TestScene(scene.seed(), scene.frames(), scene.camera(), scene.props(), scene.figure(), scene.sign(),
                scene.lamp(), TestScene.Light.PLAIN, scene.after(), scene.cutFrame(), null);
        int[] pixels = new SceneRenderer(keyframe, settings.width(), settings.height(), settings.fps()).render(0);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(settings.width(), settings.height(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, settings.width(), settings.height(), pixels, 0, settings.width());
        Path file = file(dir, name).resolveSibling(name + "-reference.png");
        try {
            javax.imageio.ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static Path file(Path dir, String name) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir.resolve(name + ".mp4");
    }

    /** The scene of a kind for a seed; artifacts are added on top of these. */
    static TestScene scene(Kind kind, long seed, Settings settings) {
        Random random = new Random(seed * 104729 + kind.ordinal());
        int frames = settings.frames();
        double seconds = settings.seconds();
        double aspect = settings.width() / (double) settings.height();
        double x = 1.2 + random.nextDouble() * 1.5, y = 0.8;
        double halfW = aspect / 2, halfH = 0.5;
        TestScene.Light plain = TestScene.Light.PLAIN;
        return switch (kind) {
            case PAN_SHAPES -> {
                double pan = (random.nextBoolean() ? 1 : -1) * 0.35 * aspect;
                double left = Math.min(x, x + pan) - halfW * 0.6, right = Math.max(x, x + pan) + halfW * 0.6;
                yield new TestScene(seed, frames, new TestScene.Camera(x, y, 1, x + pan, y, 1),
                        props(random, 3, left, right, y - halfH * 0.65, y + halfH * 0.65, 0.08, seconds, List.of()), null, null, null, plain, null, -1, null);
            }
            case ZOOM_FIGURE -> {
                TestScene.Figure figure = figure(random, x - 0.12 * aspect, y, 0.04);
                double zoomHalfW = halfW / 1.3, zoomHalfH = halfH / 1.3;
                yield new TestScene(seed, frames, new TestScene.Camera(x, y, 1, x, y + 0.04, 1.3),
                        props(random, 1, x - zoomHalfW * 0.8, x + zoomHalfW * 0.8, y + 0.04 - zoomHalfH * 0.7, y + 0.04 + zoomHalfH * 0.7, 0.05, seconds,
                                List.of(box(figure, seconds))), figure, null, null, plain, null, -1, null);
            }
            case TEXT_SIGN -> {
                String[] words = WORDS[(int) Math.floorMod(seed, WORDS.length)];
                TestScene.Sign sign = sign(random, x + 0.05 * aspect, y - 0.15, words[0], null, -1);
                double[] signBox = {sign.x() - 0.45, sign.y() - 0.12, sign.x() + 0.45, sign.y() + 0.12};
                yield new TestScene(seed, frames, new TestScene.Camera(x, y, 1, x + 0.1 * aspect, y, 1.05),
                        props(random, 1, x - halfW * 0.6, x + halfW * 0.7, y + 0.05, y + halfH * 0.7, 0.06, seconds, List.of(signBox)),
                        null, sign, null, plain, null, -1, null);
            }
            case STATIC_FIGURE -> {
                TestScene.Figure figure = figure(random, x - 0.15 * aspect, y, 0);
                yield new TestScene(seed, frames, new TestScene.Camera(x, y, 1, x, y, 1),
                        props(random, 2, x - halfW * 0.8, x + halfW * 0.8, y - halfH * 0.7, y + halfH * 0.7, 0.08, seconds, List.of(box(figure, seconds))),
                        figure, null, null, plain, null, -1, null);
            }
            case FAST_PAN -> {
                double pan = (random.nextBoolean() ? 1 : -1) * 2.2 * aspect;
                double start = pan > 0 ? 0.5 * aspect + 0.05 : SceneRenderer.WORLD_WIDTH - 0.5 * aspect - 0.05;
                yield new TestScene(seed, frames, new TestScene.Camera(start, y, 1, start + pan, y, 1),
                        props(random, 5, Math.min(start, start + pan), Math.max(start, start + pan), y - halfH * 0.6, y + halfH * 0.6, 0, seconds, List.of()),
                        null, null, null, plain, null, -1, null);
            }
            case FADE -> with(scene(Kind.PAN_SHAPES, seed, settings), new TestScene.Light(12, 12, 0, 0, 2));
            case PULSE -> with(scene(Kind.PAN_SHAPES, seed, settings), new TestScene.Light(0, 0, 0.08, 1.0, 2));
            case CUT -> {
                TestScene first = scene(Kind.PAN_SHAPES, seed, settings);
                TestScene second = scene(Kind.STATIC_FIGURE, seed + 1000, settings);
                yield new TestScene(first.seed(), frames, first.camera(), first.props(), null, null, null, plain, second, frames / 2, null);
            }
            case BLINK -> {
                TestScene base = scene(Kind.STATIC_FIGURE, seed, settings);
                TestScene.Figure figure = base.figure();
                // The lamp hangs above the figure's side away from the props, clear of everything.
                double lampX = figure.x() + 0.3 * figure.height() + 0.08, lampY = figure.y() - figure.height() - 0.02;
                TestScene.Lamp lamp = new TestScene.Lamp(lampX, Math.max(y - halfH + 0.08, lampY), 0.04, 16);
                double[] lampBox = {lamp.x() - 0.08, lamp.y() - 0.08, lamp.x() + 0.08, lamp.y() + 0.08};
                List<TestScene.Prop> props = base.props().stream().filter(p -> clear(p, seconds, List.of(lampBox))).toList();
                yield new TestScene(base.seed(), frames, base.camera(), props, figure, null, lamp, plain, null, -1, null);
            }
            case CAMERA_MOVE -> {
                TestScene base = scene(Kind.STATIC_FIGURE, seed, settings);
                TestScene.Figure figure = base.figure();
                // Dolly in to 1.6, crane up to the figure's chest and pan past it: at the end it is cut by the frame's edges.
                double side = random.nextBoolean() ? 1 : -1;
                TestScene.Camera camera = new TestScene.Camera(x, y, 1, figure.x() + side * 0.42, figure.y() - 0.75 * figure.height(), 1.6);
                yield new TestScene(base.seed(), frames, camera, base.props(), figure, null, null, plain, null, -1, null);
            }
            case TEXT_CHANGE -> {
                TestScene base = scene(Kind.TEXT_SIGN, seed, settings);
                String[] words = WORDS[(int) Math.floorMod(seed, WORDS.length)];
                TestScene.Sign sign = base.sign();
                TestScene.Sign changing = new TestScene.Sign(sign.x(), sign.y(), sign.height(), words[0], words[1], frames / 2, sign.board(), sign.ink());
                yield new TestScene(base.seed(), frames, base.camera(), base.props(), null, changing, null, plain, null, -1, null);
            }
        };
    }

    /** The box a figure may cover (arms out, walking) over the clip, in world units: left, top, right, bottom. */
    private static double[] box(TestScene.Figure figure, double seconds) {
        double reach = 0.55 * figure.height(), travel = Math.abs(figure.vx()) * seconds; // arms, and room for a ghost limb
        double left = Math.min(figure.x(), figure.x() + figure.vx() * seconds) - reach;
        return new double[] {left, figure.y() - figure.height() - 0.03, left + 2 * reach + travel, figure.y() + 0.03};
    }

    private static TestScene with(TestScene scene, TestScene.Light light) {
        return new TestScene(scene.seed(), scene.frames(), scene.camera(), scene.props(), scene.figure(), scene.sign(), scene.lamp(),
                light, scene.after(), scene.cutFrame(), scene.injection());
    }

    /**
     * Props placed at random inside the box, moving slowly, never overlapping each other or the keep-out boxes at any
     * time of the clip: occlusion changes a visible outline, which is not what the set is about.
     */
    private static List<TestScene.Prop> props(Random random, int count, double minX, double maxX, double minY, double maxY,
            double speed, double seconds, List<double[]> keepOut) {
        List<TestScene.Prop> props = new ArrayList<>();
        TestScene.Shape[] shapes = TestScene.Shape.values();
        int[] colours = {0xD83A3A, 0x3A7BD8, 0xE8C02A, 0x2FAF5A, 0x9B4FD0, 0xF07A1A};
        for (int tries = 0; props.size() < count && tries < 400; tries++) {
            double radius = 0.075 + 0.03 * random.nextDouble();
            double px = minX + radius + (maxX - minX - 2 * radius) * random.nextDouble();
            double py = minY + radius + (maxY - minY - 2 * radius) * random.nextDouble();
            double angle = random.nextDouble() * 2 * Math.PI;
            double v = speed * (0.4 + 0.6 * random.nextDouble());
            TestScene.Prop prop = new TestScene.Prop(shapes[random.nextInt(shapes.length)], px, py, radius,
                    v * Math.cos(angle), v * Math.sin(angle) * 0.5, (random.nextDouble() - 0.5) * 0.4, colours[random.nextInt(colours.length)]);
            double endX = px + prop.vx() * seconds, endY = py + prop.vy() * seconds;
            if (endX - radius < minX || endX + radius > maxX || endY - radius < minY || endY + radius > maxY) continue;
            if (!clear(prop, seconds, keepOut)) continue;
            boolean apart = true;
            for (TestScene.Prop other : props) {
                for (double t = 0; t <= seconds + 1e-9; t += seconds / 8) {
                    double dx = (prop.x() + prop.vx() * t) - (other.x() + other.vx() * t), dy = (prop.y() + prop.vy() * t) - (other.y() + other.vy() * t);
                    if (Math.hypot(dx, dy) < 1.3 * (prop.radius() + other.radius()) + 0.04) apart = false;
                }
            }
            if (apart) props.add(prop);
        }
        return props;
    }

    /** True when the prop stays clear of every box for the whole clip. */
    private static boolean clear(TestScene.Prop prop, double seconds, List<double[]> boxes) {
        for (double t = 0; t <= seconds + 1e-9; t += seconds / 8) {
            double x = prop.x() + prop.vx() * t, y = prop.y() + prop.vy() * t, r = 1.3 * prop.radius() + 0.03;
            for (double[] box : boxes) {
                if (x + r > box[0] && x - r < box[2] && y + r > box[1] && y - r < box[3]) return false;
            }
        }
        return true;
    }

    private static TestScene.Figure figure(Random random, double x, double y, double vx) {
        return new TestScene.Figure(x, y + 0.32, 0.5 + 0.08 * random.nextDouble(), vx * (random.nextBoolean() ? 1 : -1), 0.25,
                SKINS[random.nextInt(SKINS.length)], pickColour(random, 0x2D4A7A, 0x6A2D2D, 0x2D6A45, 0x555555),
                pickColour(random, 0x222233, 0x3B3B3B, 0x4A3A2A));
    }

    private static TestScene.Sign sign(Random random, double x, double y, String text, String later, int change) {
        return new TestScene.Sign(x, y, 0.16, text, later, change, pickColour(random, 0xF2EAD3, 0xFFFFFF, 0xF5E6A8),
                pickColour(random, 0x1A1A2A, 0x202020, 0x2A1A10));
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    private static int pickColour(Random random, int... options) {
        return options[random.nextInt(options.length)];
    }

    private static String replaceLetters(String text, double share, Random random) {
        char[] chars = text.toCharArray();
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < chars.length; i++) if (Character.isLetter(chars[i])) letters.add(i);
        Collections.shuffle(letters, random);
        int count = Math.max(1, (int) Math.round(share * letters.size()));
        String pool = "QXZJKVWYBHPGFDMU";
        for (int k = 0; k < count; k++) {
            int i = letters.get(k);
            char replacement;
            do {
                replacement = pool.charAt(random.nextInt(pool.length()));
            } while (replacement == chars[i]);
            chars[i] = replacement;
        }
        return new String(chars);
    }

    /** Letters shuffled inside words: one pair swapped (weak), every word shuffled (medium), shuffled and replaced (strong). */
    private static String scramble(String text, int level, Random random) {
        String[] words = text.split(" ");
        for (int w = 0; w < words.length; w++) {
            if (level == 0 && w > 0) break;
            char[] chars = words[w].toCharArray();
            if (level == 0) {
                int i = 1 + random.nextInt(Math.max(1, chars.length - 2));
                char c = chars[i];
                chars[i] = chars[i - 1];
                chars[i - 1] = c;
            } else {
                List<Character> list = new ArrayList<>();
                for (char c : chars) list.add(c);
                String before = words[w];
                for (int tries = 0; tries < 10 && new String(chars).equals(before); tries++) {
                    Collections.shuffle(list, random);
                    for (int i = 0; i < chars.length; i++) chars[i] = list.get(i);
                }
            }
            words[w] = new String(chars);
        }
        String out = String.join(" ", words);
        return level == 2 ? replaceLetters(out, 0.3, random) : out;
    }
}
