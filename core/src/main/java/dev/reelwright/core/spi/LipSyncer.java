package dev.reelwright.core.spi;

import java.nio.file.Path;

/** Character image + speech audio -> a talking-head clip. */
public interface LipSyncer {
    String id();

    /** Writes the clip into {@code folder} (an empty folder owned by this call). */
    VideoGenerator.GeneratedClip lipSync(LipSyncRequest request, Path folder);

    record LipSyncRequest(Path image, Path audio, String prompt, long seed) {}
}
