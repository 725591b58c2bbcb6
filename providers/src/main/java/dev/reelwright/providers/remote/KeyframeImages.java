package dev.reelwright.providers.remote;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Keyframes for vendors that take the image inline under a size limit (Kling's bare base64, Runway's data URI): the
 * file's bytes, and where those do not fit or are a format the vendor refuses, a JPEG at falling quality and then
 * smaller sizes until the vendor's own test of "fits" passes. Each vendor keeps its formats, limit and messages.
 * {@code what} names the file in messages ("image", "keyframe").
 */
public final class KeyframeImages {
    private static final float[] QUALITIES = {0.92f, 0.85f, 0.75f, 0.6f};
    private static final int SHRINKS = 8;

    private KeyframeImages() {}

    /** The file's bytes; a file that cannot be read is a bad request, not a vendor failure. */
    public static byte[] read(String vendor, Path image, String what) {
        try {
            return Files.readAllBytes(image);
        } catch (IOException e) {
            throw VendorException.wrap(vendor, Kind.INVALID_REQUEST, "cannot read the " + what + " " + image + ": " + e.getMessage(), e);
        }
    }

    /** The image, or null when ImageIO cannot decode the bytes. */
    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A JPEG of {@code source} that {@code fits} accepts: every quality in turn, then 3/4 the size (each side at least
     * {@code minSide}), {@value #SHRINKS} sizes in all; empty when none fits.
     */
    public static Optional<byte[]> jpegThatFits(String vendor, String what, BufferedImage source, int minSide, Predicate<byte[]> fits) {
        BufferedImage rgb = rgb(source, source.getWidth(), source.getHeight());
        for (int attempt = 0; attempt < SHRINKS; attempt++) {
            for (float quality : QUALITIES) {
                byte[] jpeg = jpeg(vendor, what, rgb, quality);
                if (fits.test(jpeg)) return Optional.of(jpeg);
            }
            rgb = rgb(rgb, Math.max(minSide, rgb.getWidth() * 3 / 4), Math.max(minSide, rgb.getHeight() * 3 / 4));
        }
        return Optional.empty();
    }

    private static BufferedImage rgb(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE); // JPEG has no alpha: transparent areas become white
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(String vendor, String what, BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw VendorException.wrap(vendor, Kind.INVALID_REQUEST, "cannot re-encode the " + what + " as JPEG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
