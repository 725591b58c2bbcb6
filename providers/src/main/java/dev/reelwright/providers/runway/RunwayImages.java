package dev.reelwright.providers.runway;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
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
 * The keyframe as Runway's {@code promptImage}: a {@code data:image/…;base64,} URI, whose whole length must be under
 * 5 MB (1024 × 1024 × 5 characters, docs.dev.runwayml.com "Inputs"). A PNG too large for that is re-encoded as JPEG,
 * at falling quality and then smaller sizes, until it fits. Runway takes JPEG, PNG and WebP.
 */
final class RunwayImages {
    /** Runway's data-URI limit, in characters of the whole URI. */
    static final int MAX_DATA_URI = 5 * 1024 * 1024;
    private static final float[] QUALITIES = {0.92f, 0.85f, 0.75f, 0.6f};

    private RunwayImages() {}

    static String dataUri(Path image) {
        return dataUri(image, MAX_DATA_URI);
    }

    static String dataUri(Path image, int maxChars) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image);
        } catch (IOException e) {
            throw VendorException.wrap(RunwayModule.VENDOR, Kind.INVALID_REQUEST, "cannot read the keyframe " + image + ": " + e.getMessage(), e);
        }
        String type = mediaType(bytes);
        if (type != null) {
            String uri = uri(type, bytes);
            if (uri.length() < maxChars) return uri;
        }
        return reencoded(image, bytes, maxChars);
    }

    private static String reencoded(Path image, byte[] bytes, int maxChars) {
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            source = null;
        }
        if (source == null) {
            throw VendorException.of(RunwayModule.VENDOR, Kind.INVALID_REQUEST, "the keyframe " + image.getFileName()
                    + " is not a PNG or JPEG that fits Runway's 5 MB data-URI limit, and cannot be re-encoded");
        }
        BufferedImage rgb = rgb(source, source.getWidth(), source.getHeight());
        for (int attempt = 0; attempt < 8; attempt++) {
            for (float quality : QUALITIES) {
                String uri = uri("image/jpeg", jpeg(rgb, quality));
                if (uri.length() < maxChars) return uri;
            }
            rgb = rgb(rgb, Math.max(1, rgb.getWidth() * 3 / 4), Math.max(1, rgb.getHeight() * 3 / 4));
        }
        throw VendorException.of(RunwayModule.VENDOR, Kind.INVALID_REQUEST, "the keyframe " + image.getFileName()
                + " does not fit Runway's 5 MB data-URI limit even as a small JPEG");
    }

    private static String uri(String type, byte[] bytes) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** The media type from the leading bytes, or null when Runway would not take the format as it is. */
    static String mediaType(byte[] head) {
        if (head.length >= 8 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') return "image/png";
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) return "image/jpeg";
        if (head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') return "image/webp";
        return null;
    }

    private static BufferedImage rgb(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE); // JPEG has no alpha: transparent areas become white
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
            throw VendorException.wrap(RunwayModule.VENDOR, Kind.INVALID_REQUEST, "cannot re-encode the keyframe as JPEG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
