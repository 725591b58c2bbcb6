package dev.reelwright.providers.comfyui.api;

import java.util.Locale;

/** A file a saver node wrote: {@code {"filename","subfolder","type"}} in a history entry's outputs. */
public record OutputFile(String filename, String subfolder, String type) {
    public OutputFile {
        subfolder = subfolder == null ? "" : subfolder;
        type = type == null || type.isBlank() ? "output" : type;
    }

    public boolean isVideo() {
        String name = filename.toLowerCase(Locale.ROOT);
        return name.endsWith(".mp4") || name.endsWith(".webm") || name.endsWith(".mkv") || name.endsWith(".mov");
    }
}
