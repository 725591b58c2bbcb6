package dev.reelwright.local.keyframe;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.json.AtomicFiles;
import dev.reelwright.core.model.Mood;
import dev.reelwright.core.spi.ImageGenerator;
import dev.reelwright.core.spi.KeyframeRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The offline keyframe painter: an illustrated scene read from the prompt's words (time of day, setting, the things
 * it names) and tinted by the mood, painted in layers with Java2D and value noise. Everything is seeded by a hash of
 * (prompt, mood, seed), so the same request gives the same PNG bytes, and different prompts give different pictures.
 */
public final class ProceduralKeyframeGenerator implements ImageGenerator {
    public static final String ID = "procedural-keyframe-v1";
    public static final String FILE = "keyframe.png";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public GeneratedImage generate(KeyframeRequest request, Path folder) {
        byte[] png = encodePng(render(request));
        AtomicFiles.writeBytes(folder.resolve(FILE), png);
        return new GeneratedImage(FILE);
    }

    /** Paints the keyframe without writing it: an RGB image of the requested size. */
    public BufferedImage render(KeyframeRequest request) {
        long seed = Rng.mix(Rng.hash(request.prompt()) ^ Rng.mix(Rng.hash(request.mood().name()) + request.seed()));
        SceneSpec spec = SceneSpec.read(request.prompt(), request.mood());
        Rng rng = new Rng(seed);
        Look look = Look.of(spec, rng.fork("look"));
        Canvas canvas = new Canvas(request.width(), request.height());
        if (spec.indoor()) {
            new IndoorPainter(canvas, spec, look, rng.fork("indoor")).paint();
        } else {
            new OutdoorPainter(canvas, 0, 0, canvas.width, canvas.height, spec, look, rng.fork("outdoor"), false).paint();
        }
        Finish.apply(canvas, look, (int) (seed ^ (seed >>> 32)));
        return canvas.image;
    }

    /** How the prompt was read, for logs and tests. */
    public static String describe(String prompt, Mood mood) {
        return SceneSpec.read(prompt, mood).toString();
    }

    /** PNG bytes of an image; deterministic for identical pixels. */
    public static byte[] encodePng(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) throw new ReelwrightException("this Java runtime has no PNG writer");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() * 2);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.75f);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new ReelwrightException("cannot encode the keyframe as PNG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
