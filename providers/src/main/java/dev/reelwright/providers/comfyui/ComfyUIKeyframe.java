package dev.reelwright.providers.comfyui;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.remote.KeyframeImages;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The keyframe as uploaded to ComfyUI's input folder: named by a hash of its bytes, so the same image has the same
 * name (and the prompt the same id), and re-uploading it with {@code overwrite} changes nothing.
 */
record ComfyUIKeyframe(byte[] bytes, String name, String contentType) {
    static ComfyUIKeyframe read(Path file) {
        byte[] bytes = KeyframeImages.read(ComfyUIModule.VENDOR, file, "keyframe");
        String extension;
        String type;
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            extension = ".png";
            type = "image/png";
        } else if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            extension = ".jpg";
            type = "image/jpeg";
        } else if (bytes.length >= 12 && bytes[0] == 'R' && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            extension = ".webp";
            type = "image/webp";
        } else {
            throw VendorException.of(ComfyUIModule.VENDOR, Kind.INVALID_REQUEST, "the keyframe " + file.getFileName() + " is not a PNG, JPEG or WebP image");
        }
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 24);
            return new ComfyUIKeyframe(bytes, "reelwright-" + hash + extension, type);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
