package dev.reelwright.local.motion;

import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.FrameSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Synthetic keyframes and small helpers shared by the motion tests. */
final class MotionTestImages {
    private MotionTestImages() {}

    /** Smooth, busy colour waves; no channel ever drops below 28, so a black pixel can only be a border. */
    static BufferedImage waves(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double r = 128 + 55 * Math.sin(x / 17.0) + 35 * Math.sin((x + 2 * y) / 41.0);
                double g = 128 + 50 * Math.sin(y / 13.0 + x / 90.0) + 40 * Math.cos(x / 29.0);
                double b = 128 + 45 * Math.sin((x - y) / 23.0) + 45 * Math.cos(y / 37.0);
                image.setRGB(x, y, (clamp(r) << 16) | (clamp(g) << 8) | clamp(b));
            }
        }
        return image;
    }

    /** A light background with a dark disc of radius {@code radius} at the centre. */
    static BufferedImage disc(int w, int h, double radius) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x + 0.5 - w / 2.0;
                double dy = y + 0.5 - h / 2.0;
                boolean in = dx * dx + dy * dy < radius * radius;
                int v = in ? 60 : 200 + (int) (10 * Math.sin(x / 9.0) * Math.sin(y / 7.0));
                image.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return image;
    }

    private static int clamp(double v) {
        return (int) Math.max(28, Math.min(255, Math.round(v)));
    }

    static Path png(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code keyframe}, runs the generator into a fresh folder and opens the clip at {@code format}. */
    static FrameSource clip(Path dir, Path keyframe, CameraMove move, int frames, VideoFormat format) {
        Path folder = dir.resolve(move.label() + "-" + frames + "-" + format.width() + "x" + format.height());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var clip = new CameraMoveVideoGenerator().generate(new ClipRequest(keyframe, "test", move, frames, format, 11), folder);
        return new MotionClipDecoder().open(folder.resolve(clip.file()), format);
    }

    static int[] frame(FrameSource source, int index, VideoFormat format) {
        int[] rgb = new int[format.width() * format.height()];
        source.read(index, rgb);
        return rgb;
    }

    /** Mean absolute difference per channel, 0..255. */
    static double diff(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            int p = a[i];
            int q = b[i];
            sum += Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF)) + Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF))
                    + Math.abs((p & 0xFF) - (q & 0xFF));
        }
        return sum / (3.0 * a.length);
    }

    static int minChannel(int p) {
        return Math.min((p >> 16) & 0xFF, Math.min((p >> 8) & 0xFF, p & 0xFF));
    }
}
