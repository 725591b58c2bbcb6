package dev.reelwright.providers.openai;

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
import javax.imageio.ImageIO;

/**
 * The keyframe as Sora's {@code input_reference} upload. Third-party copies of OpenAI's guide (docs.apiyi.com, docs.aimlapi.com)
 * say the image must be exactly the requested {@code size} or the create fails with 400 "Inpaint image must match the
 * requested width and height"; OpenAI's spec does not say so. Scaling to cover the size and cropping the centre is harmless
 * either way, so a keyframe of another size is fitted here; one that Java cannot decode (WebP) is sent as it is.
 */
final class Keyframes {
    record Upload(String filename, String contentType, byte[] bytes) {}

    private Keyframes() {}

    static Upload fitted(Path keyframe, int width, int height) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(keyframe);
        } catch (IOException e) {
            throw VendorException.wrap(OpenAiErrors.VENDOR, Kind.INVALID_REQUEST, "cannot read the keyframe " + keyframe.getFileName(), e);
        }
        String type = contentType(bytes);
        if (type == null) {
            throw VendorException.of(OpenAiErrors.VENDOR, Kind.INVALID_REQUEST, "the keyframe " + keyframe.getFileName() + " is not a PNG, JPEG or WebP image");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            image = null;
        }
        if (image == null || (image.getWidth() == width && image.getHeight() == height)) {
            return new Upload("keyframe." + type.substring("image/".length()), type, bytes);
        }
        return new Upload("keyframe.png", "image/png", png(cover(image, width, height)));
    }

    /** Scales {@code image} to cover {@code width}x{@code height} and crops the middle. */
    static BufferedImage cover(BufferedImage image, int width, int height) {
        double scale = Math.max(width / (double) image.getWidth(), height / (double) image.getHeight());
        int scaledWidth = (int) Math.ceil(image.getWidth() * scale);
        int scaledHeight = (int) Math.ceil(image.getHeight() * scale);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, (width - scaledWidth) / 2, (height - scaledHeight) / 2, scaledWidth, scaledHeight, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed in memory", e);
        }
        return out.toByteArray();
    }

    /** image/png, image/jpeg or image/webp from the leading bytes; null for anything else. */
    static String contentType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "image/png";
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) return "image/jpeg";
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }
}
