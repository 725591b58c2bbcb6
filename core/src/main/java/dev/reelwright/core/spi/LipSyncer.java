package dev.reelwright.core.spi;

import dev.reelwright.core.error.InputException;
import java.nio.file.Path;

/** Character image + speech audio -> a talking-head clip. */
public interface LipSyncer {
    String id();

    /** Writes the clip into {@code folder} (an empty folder owned by this call). */
    VideoGenerator.GeneratedClip lipSync(LipSyncRequest request, Path folder);

    record LipSyncRequest(Path image, Path audio, String prompt, long seed) {}

    /**
     * This lip-syncer as a shot's clip maker: the keyframe is the character, {@link ClipRequest#speech()} the audio.
     * The clip follows the audio's length, which the pipeline makes the clip's length.
     */
    default VideoGenerator asClips() {
        LipSyncer syncer = this;
        return new VideoGenerator() {
            @Override
            public String id() {
                return syncer.id();
            }

            @Override
            public GeneratedClip generate(ClipRequest request, Path folder) {
                if (request.speech() == null) {
                    throw new InputException(syncer.id() + " makes lip-synced talking heads: the shot needs narration to follow");
                }
                return syncer.lipSync(new LipSyncRequest(request.keyframe(), request.speech(), request.prompt(), request.seed()), folder);
            }
        };
    }
}
