package dev.reelwright.providers.fal;

import dev.reelwright.core.error.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What an upload holds, read from its leading bytes: the content type fal's CDN is told and a file name to match. */
final class FalMedia {
    record Type(String contentType, String extension) {}

    static final Type PNG = new Type("image/png", "png");
    static final Type JPEG = new Type("image/jpeg", "jpg");
    static final Type WEBP = new Type("image/webp", "webp");
    static final Type WAV = new Type("audio/wav", "wav");
    static final Type MP3 = new Type("audio/mpeg", "mp3");
    static final Type FLAC = new Type("audio/flac", "flac");
    static final Type OGG = new Type("audio/ogg", "ogg");
    static final Type MP4 = new Type("video/mp4", "mp4");

    private FalMedia() {}

    static Type sniff(Path file) {
        byte[] head = FalClient.head(file, 16);
        if (starts(head, 0x89, 'P', 'N', 'G')) return PNG;
        if (starts(head, 0xFF, 0xD8, 0xFF)) return JPEG;
        if (starts(head, 'R', 'I', 'F', 'F') && head.length >= 12) {
            String form = new String(head, 8, 4, StandardCharsets.US_ASCII);
            if (form.equals("WEBP")) return WEBP;
            if (form.equals("WAVE")) return WAV;
        }
        if (starts(head, 'I', 'D', '3') || (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)) return MP3;
        if (starts(head, 'f', 'L', 'a', 'C')) return FLAC;
        if (starts(head, 'O', 'g', 'g', 'S')) return OGG;
        if (head.length >= 8 && new String(head, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")) return MP4;
        throw new InputException(file + " is not an image or audio file fal accepts (PNG, JPEG, WebP, WAV, MP3, FLAC, OGG, MP4)");
    }

    /** The file's own name with the extension its bytes call for ({@code keyframe.img} -> {@code keyframe.png}). */
    static String fileName(Path file, Type type) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        stem = stem.replaceAll("[^A-Za-z0-9._-]", "_");
        return (stem.isBlank() ? "upload" : stem) + "." + type.extension();
    }

    private static boolean starts(byte[] head, int... expected) {
        if (head.length < expected.length) return false;
        for (int i = 0; i < expected.length; i++) if ((head[i] & 0xFF) != expected[i]) return false;
        return true;
    }
}
