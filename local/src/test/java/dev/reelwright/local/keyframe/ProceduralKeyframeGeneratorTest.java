package dev.reelwright.local.keyframe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.model.Mood;
import dev.reelwright.core.spi.ImageGenerator.GeneratedImage;
import dev.reelwright.core.spi.KeyframeRequest;
import dev.reelwright.local.keyframe.SceneSpec.Setting;
import dev.reelwright.local.keyframe.SceneSpec.Thing;
import dev.reelwright.local.keyframe.SceneSpec.Time;
import dev.reelwright.local.keyframe.SceneSpec.Weather;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProceduralKeyframeGeneratorTest {
    private final ProceduralKeyframeGenerator generator = new ProceduralKeyframeGenerator();

    @TempDir
    Path dir;

    private static final String[] PROMPTS = {
        "a lighthouse on a rocky cliff before dawn, stars fading over a calm sea",
        "close-up of a brass lamp glowing inside the lighthouse window",
        "wide view of the grey sea with a small fishing boat on the horizon",
        "dark storm clouds rolling over the ocean, lightning far away",
        "aerial view of the lighthouse beam sweeping across the dark water at night",
        "the harbour town at sunrise, houses along the coast, birds in the sky",
        "push in on an old logbook and a lamp on a wooden desk",
        "reveal of the lighthouse on the hill above a green meadow in the afternoon",
        "a city street at night with lamps and a road",
        "snowy mountains at noon with pine trees",
        "a misty forest at dusk",
        "desert dunes under the sun",
        "a kitchen in the morning with a cup of coffee",
        "a person walking on a road through a field of flowers with a tree",
        "a mountain lake with a boat at dawn, rain",
        "an office with a computer and a window overlooking the city skyline",
        "a stone bridge over the river in the fog",
        "a castle tower in the hills with birds, snowfall",
        "a ship in the bay under the moon",
        "something abstract with no scenery words at all",
    };

    @Test
    void writesAPngOfTheRequestedSize() throws Exception {
        for (int[] size : new int[][] {{1920, 1080}, {1080, 1920}, {1080, 1080}}) {
            Path folder = Files.createDirectories(dir.resolve(size[0] + "x" + size[1]));
            var request = new KeyframeRequest("a lighthouse on a cliff above the sea at sunset", Mood.DRAMATIC, 7, size[0], size[1]);
            GeneratedImage image = generator.generate(request, folder);
            assertThat(image.file()).isEqualTo("keyframe.png");
            BufferedImage read = ImageIO.read(folder.resolve("keyframe.png").toFile());
            assertThat(read.getWidth()).isEqualTo(size[0]);
            assertThat(read.getHeight()).isEqualTo(size[1]);
            assertThat(luma(read).stdDev).as("contrast at %dx%d", size[0], size[1]).isGreaterThan(25);
        }
        assertThat(generator.id()).isEqualTo("procedural-keyframe-v1");
    }

    @Test
    void sameRequestGivesTheSameBytes() throws Exception {
        var request = new KeyframeRequest("the harbour town at sunrise, houses along the coast, birds in the sky", Mood.HOPEFUL, 3, 960, 540);
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        generator.generate(request, a);
        new ProceduralKeyframeGenerator().generate(request, b);
        assertThat(Files.readAllBytes(a.resolve("keyframe.png"))).isEqualTo(Files.readAllBytes(b.resolve("keyframe.png")));
        byte[] again = ProceduralKeyframeGenerator.encodePng(generator.render(request));
        assertThat(again).isEqualTo(Files.readAllBytes(a.resolve("keyframe.png")));
        assertThat(ImageIO.read(new ByteArrayInputStream(again)).getWidth()).isEqualTo(960);
    }

    @Test
    void differentPromptsPaintDifferentPictures() {
        String[] prompts = {
            "a lighthouse on a rocky cliff above the sea at sunset",
            "a city street at night with lamps",
            "a forest in the morning",
            "push in on an old logbook and a lamp on a wooden desk",
            "desert dunes at noon",
        };
        BufferedImage[] images = new BufferedImage[prompts.length];
        for (int i = 0; i < prompts.length; i++) images[i] = render(prompts[i], Mood.CALM, 1);
        for (int i = 0; i < prompts.length; i++) {
            for (int j = i + 1; j < prompts.length; j++) {
                assertThat(meanAbsDiff(images[i], images[j])).as("'%s' vs '%s'", prompts[i], prompts[j]).isGreaterThan(25);
            }
        }
    }

    @Test
    void moodTimeAndSeedChangeThePicture() {
        BufferedImage calm = render("a lighthouse on a cliff above the sea", Mood.CALM, 1);
        BufferedImage dramatic = render("a lighthouse on a cliff above the sea", Mood.DRAMATIC, 1);
        BufferedImage somber = render("a lighthouse on a cliff above the sea", Mood.SOMBER, 1);
        assertThat(meanAbsDiff(calm, dramatic)).isGreaterThan(12);
        assertThat(meanAbsDiff(calm, somber)).isGreaterThan(12);

        BufferedImage dawn = render("a forest at dawn", Mood.CALM, 1);
        BufferedImage night = render("a forest at night", Mood.CALM, 1);
        BufferedImage noon = render("a forest at noon", Mood.CALM, 1);
        assertThat(meanAbsDiff(dawn, night)).isGreaterThan(25);
        assertThat(meanAbsDiff(noon, night)).isGreaterThan(25);
        assertThat(luma(noon).mean).isGreaterThan(luma(night).mean + 30);

        BufferedImage seedA = render("rolling hills with a house", Mood.JOYFUL, 1);
        BufferedImage seedB = render("rolling hills with a house", Mood.JOYFUL, 2);
        assertThat(meanAbsDiff(seedA, seedB)).isGreaterThan(5);

        // Somber is grey; joyful is colourful.
        assertThat(saturation(render("a field of flowers", Mood.JOYFUL, 4))).isGreaterThan(saturation(render("a field of flowers", Mood.SOMBER, 4)) * 1.5);
    }

    @Test
    void everyPromptHasDetailAllOverTheFrame() {
        // Camera moves over a flat patch look frozen: every part of the frame needs texture.
        for (String prompt : PROMPTS) {
            for (Mood mood : new Mood[] {Mood.CALM, Mood.MYSTERIOUS}) {
                BufferedImage image = render(prompt, mood, 5);
                assertThat(luma(image).stdDev).as("contrast of '%s' (%s)", prompt, mood).isGreaterThan(12);
                int tilesX = 6;
                int tilesY = 4;
                int tw = image.getWidth() / tilesX;
                int th = image.getHeight() / tilesY;
                for (int ty = 0; ty < tilesY; ty++) {
                    for (int tx = 0; tx < tilesX; tx++) {
                        double detail = detail(image, tx * tw, ty * th, tw, th);
                        assertThat(detail).as("detail in tile (%d, %d) of '%s' (%s)", tx, ty, prompt, mood).isGreaterThan(0.6);
                    }
                }
            }
        }
    }

    @Test
    void anySizeAndEveryMoodPaints() {
        for (Mood mood : Mood.values()) {
            for (String prompt : PROMPTS) {
                BufferedImage image = generator.render(new KeyframeRequest(prompt, mood, 9, 64, 36));
                assertThat(image.getWidth()).isEqualTo(64);
            }
        }
        for (int[] size : new int[][] {{1, 1}, {2, 2}, {8, 8}, {7, 300}, {300, 7}}) {
            for (String prompt : PROMPTS) {
                BufferedImage image = generator.render(new KeyframeRequest(prompt, Mood.TENSE, 1, size[0], size[1]));
                assertThat(image.getHeight()).isEqualTo(size[1]);
            }
        }
    }

    @Test
    void readsThePromptWords() {
        SceneSpec lighthouse = SceneSpec.read("a lighthouse on a rocky cliff before dawn, stars fading over a calm sea", Mood.CALM);
        assertThat(lighthouse.time).isEqualTo(Time.DAWN);
        assertThat(lighthouse.settings).contains(Setting.SEA, Setting.CLIFF);
        assertThat(lighthouse.things).contains(Thing.LIGHTHOUSE, Thing.STARS);

        SceneSpec desk = SceneSpec.read("push in on an old logbook and a lamp on a wooden desk", Mood.CALM);
        assertThat(desk.indoor()).isTrue();
        assertThat(desk.things).contains(Thing.LAMP, Thing.DESK, Thing.BOOKS);

        SceneSpec city = SceneSpec.read("Neon city streets at night, rain", Mood.TENSE);
        assertThat(city.time).isEqualTo(Time.NIGHT);
        assertThat(city.settings).contains(Setting.CITY);
        assertThat(city.weather).contains(Weather.RAIN);

        SceneSpec harbour = SceneSpec.read("the harbour town at sunrise, houses along the coast, birds in the sky", Mood.HOPEFUL);
        assertThat(harbour.time).isEqualTo(Time.DAWN);
        assertThat(harbour.things).contains(Thing.HOUSE, Thing.BIRDS, Thing.BOAT);
        assertThat(harbour.plural).contains(Thing.HOUSE, Thing.BIRDS);

        assertThat(SceneSpec.read("a boat", Mood.CALM).settings).contains(Setting.SEA);
        assertThat(SceneSpec.read("the moon over the hills", Mood.JOYFUL).time).isEqualTo(Time.NIGHT);
        assertThat(SceneSpec.read("the sun rises over the sea", Mood.CALM).time).isEqualTo(Time.DAWN);
        assertThat(SceneSpec.read("quiet hills", Mood.MYSTERIOUS).time).isEqualTo(Time.NIGHT);
        assertThat(SceneSpec.read("quiet hills", Mood.DRAMATIC).time).isEqualTo(Time.SUNSET);
        assertThat(SceneSpec.read("snowy mountains in winter", Mood.CALM).settings).contains(Setting.SNOW, Setting.MOUNTAIN);
        assertThat(SceneSpec.read("close-up of a lamp", Mood.CALM).closeUp).isTrue();
        assertThat(SceneSpec.read("aerial view of the forest", Mood.CALM).aerial).isTrue();
    }

    /** Prints how long a full-HD keyframe takes: paint and PNG encoding. */
    @Test
    void fullHdSpeed() {
        var request = new KeyframeRequest("a lighthouse on a rocky cliff before dawn, stars fading over a calm sea", Mood.CALM, 1, 1920, 1080);
        ProceduralKeyframeGenerator.encodePng(generator.render(request));
        long best = Long.MAX_VALUE;
        long bestPng = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            BufferedImage image = generator.render(request);
            long t1 = System.nanoTime();
            ProceduralKeyframeGenerator.encodePng(image);
            long t2 = System.nanoTime();
            best = Math.min(best, t1 - t0);
            bestPng = Math.min(bestPng, t2 - t1);
        }
        System.out.printf("procedural keyframe 1920x1080: paint %.0f ms, png %.0f ms%n", best / 1e6, bestPng / 1e6);
        assertThat(best).isPositive();
    }

    // ---------------------------------------------------------------- helpers

    private BufferedImage render(String prompt, Mood mood, long seed) {
        return generator.render(new KeyframeRequest(prompt, mood, seed, 480, 270));
    }

    private record Stats(double mean, double stdDev) {}

    private static Stats luma(BufferedImage image) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                double l = lum(image.getRGB(x, y));
                sum += l;
                sq += l * l;
                n++;
            }
        }
        double mean = sum / n;
        return new Stats(mean, Math.sqrt(Math.max(0, sq / n - mean * mean)));
    }

    private static double lum(int p) {
        return 0.2126 * ((p >> 16) & 0xFF) + 0.7152 * ((p >> 8) & 0xFF) + 0.0722 * (p & 0xFF);
    }

    private static double meanAbsDiff(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF)) + Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    /** Mean absolute luma difference between horizontal and vertical neighbours: how much fine detail a region has. */
    private static double detail(BufferedImage image, int x0, int y0, int w, int h) {
        double sum = 0;
        int n = 0;
        for (int y = y0; y < y0 + h - 1; y++) {
            for (int x = x0; x < x0 + w - 1; x++) {
                double l = lum(image.getRGB(x, y));
                sum += Math.abs(l - lum(image.getRGB(x + 1, y))) + Math.abs(l - lum(image.getRGB(x, y + 1)));
                n += 2;
            }
        }
        return sum / n;
    }

    private static double saturation(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
                sum += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
            }
        }
        return sum / (image.getWidth() * image.getHeight());
    }
}
