package dev.reelwright.providers.kling;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.remote.KeyframeImages;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The keyframe as Kling's {@code image}: bare base64 (no {@code data:} prefix) of a JPEG or PNG of at most 10 MB
 * (PROVIDERS.md §8). Anything else (WebP, or a PNG over the limit) is re-encoded as JPEG, smaller until it fits.
 * Kling also wants ≥300 px and an aspect between 1:2.5 and 2.5:1, which every Reelwright frame shape meets.
 */
final class KlingImages {
    static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Kling's smallest side: shrinking stops there. */
    private static final int MIN_SIDE = 300;

    private KlingImages() {}

    static String base64(Path image) {
        return base64(image, MAX_BYTES);
    }

    static String base64(Path image, int maxBytes) {
        byte[] bytes = KeyframeImages.read(KlingModule.VENDOR, image, "image");
        boolean png = bytes.length >= 4 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
        boolean jpeg = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF;
        if ((png || jpeg) && bytes.length <= maxBytes) return Base64.getEncoder().encodeToString(bytes);
        return Base64.getEncoder().encodeToString(jpegWithin(image, bytes, maxBytes));
    }

    private static byte[] jpegWithin(Path image, byte[] bytes, int maxBytes) {
        BufferedImage source = KeyframeImages.decode(bytes);
        if (source == null) {
            throw VendorException.of(KlingModule.VENDOR, Kind.INVALID_REQUEST, "the image " + image.getFileName()
                    + " is not a JPEG or PNG within Kling's 10 MB limit, and cannot be re-encoded");
        }
        return KeyframeImages.jpegThatFits(KlingModule.VENDOR, "image", source, MIN_SIDE, jpeg -> jpeg.length <= maxBytes)
                .orElseThrow(() -> VendorException.of(KlingModule.VENDOR, Kind.INVALID_REQUEST,
                        "the image " + image.getFileName() + " does not fit Kling's 10 MB limit"));
    }
}
