package dev.reelwright.providers.runway;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.remote.KeyframeImages;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The keyframe as Runway's {@code promptImage}: a {@code data:image/…;base64,} URI, whose whole length must be under
 * 5 MB (1024 × 1024 × 5 characters, docs.dev.runwayml.com "Inputs"). A PNG too large for that is re-encoded as JPEG,
 * at falling quality and then smaller sizes, until it fits. Runway takes JPEG, PNG and WebP.
 */
final class RunwayImages {
    /** Runway's data-URI limit, in characters of the whole URI. */
    static final int MAX_DATA_URI = 5 * 1024 * 1024;
    /** Runway names no smallest side, so shrinking may go down to a pixel. */
    private static final int MIN_SIDE = 1;

    private RunwayImages() {}

    static String dataUri(Path image) {
        return dataUri(image, MAX_DATA_URI);
    }

    static String dataUri(Path image, int maxChars) {
        byte[] bytes = KeyframeImages.read(RunwayModule.VENDOR, image, "keyframe");
        String type = mediaType(bytes);
        if (type != null) {
            String uri = uri(type, bytes);
            if (uri.length() < maxChars) return uri;
        }
        return reencoded(image, bytes, maxChars);
    }

    private static String reencoded(Path image, byte[] bytes, int maxChars) {
        BufferedImage source = KeyframeImages.decode(bytes);
        if (source == null) {
            throw VendorException.of(RunwayModule.VENDOR, Kind.INVALID_REQUEST, "the keyframe " + image.getFileName()
                    + " is not a PNG or JPEG that fits Runway's 5 MB data-URI limit, and cannot be re-encoded");
        }
        byte[] jpeg = KeyframeImages.jpegThatFits(RunwayModule.VENDOR, "keyframe", source, MIN_SIDE,
                        candidate -> uri("image/jpeg", candidate).length() < maxChars)
                .orElseThrow(() -> VendorException.of(RunwayModule.VENDOR, Kind.INVALID_REQUEST, "the keyframe " + image.getFileName()
                        + " does not fit Runway's 5 MB data-URI limit even as a small JPEG"));
        return uri("image/jpeg", jpeg);
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
}
