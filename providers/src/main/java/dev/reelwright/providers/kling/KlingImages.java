package dev.reelwright.providers.kling;

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
import java.util.Base64;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The keyframe as Kling's {@code image}: bare base64 (no {@code data:} prefix) of a JPEG or PNG of at most 10 MB
 * (PROVIDERS.md §8). Anything else (WebP, or a PNG over the limit) is re-encoded as JPEG, smaller until it fits.
 * Kling also wants ≥300 px and an aspect between 1:2.5 and 2.5:1, which every Reelwright frame shape meets.
 */
final class KlingImages {
    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final float[] QUALITIES = {0.92f, 0.85f, 0.75f, 0.6f};

    private KlingImages() {}

    static String base64(Path image) {
        return base64(image, MAX_BYTES);
    }

    static String base64(Path image, int maxBytes) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image);
        } catch (IOException e) {
            throw VendorException.wrap(KlingModule.VENDOR, Kind.INVALID_REQUEST, "cannot read the image " + image + ": " + e.getMessage(), e);
        }
        boolean png = bytes.length >= 4 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
        boolean jpeg = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF;
        if ((png || jpeg) && bytes.length <= maxBytes) return Base64.getEncoder().encodeToString(bytes);
        return Base64.getEncoder().encodeToString(jpegWithin(image, bytes, maxBytes));
    }

    private static byte[] jpegWithin(Path image, byte[] bytes, int maxBytes) {
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            source = null;
        }
        if (source == null) {
            throw VendorException.of(KlingModule.VENDOR, Kind.INVALID_REQUEST, "the image " + image.getFileName()
                    + " is not a JPEG or PNG within Kling's 10 MB limit, and cannot be re-encoded");
        }
        BufferedImage rgb = rgb(source, source.getWidth(), source.getHeight());
        for (int attempt = 0; attempt < 8; attempt++) {
            for (float quality : QUALITIES) {
                byte[] jpeg = jpeg(rgb, quality);
                if (jpeg.length <= maxBytes) return jpeg;
            }
            rgb = rgb(rgb, Math.max(300, rgb.getWidth() * 3 / 4), Math.max(300, rgb.getHeight() * 3 / 4));
        }
        throw VendorException.of(KlingModule.VENDOR, Kind.INVALID_REQUEST, "the image " + image.getFileName() + " does not fit Kling's 10 MB limit");
    }

    private static BufferedImage rgb(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw VendorException.wrap(KlingModule.VENDOR, Kind.INVALID_REQUEST, "cannot re-encode the image as JPEG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
