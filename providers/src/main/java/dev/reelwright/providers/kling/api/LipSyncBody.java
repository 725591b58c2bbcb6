package dev.reelwright.providers.kling.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * {@code POST /v1/videos/lip-sync}: {@code {"input": {...}}} (PROVIDERS.md §8, 3P copies of Kling's page). The input
 * video is a Kling {@code video_id} (a Kling-generated 5–10 s video from the last 30 days) or a public
 * {@code video_url}; Reelwright sends the speech itself as {@code audio_file} (base64, mp3/wav/m4a/aac, ≤5 MB) with
 * {@code mode: audio2video}, {@code audio_type: file}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LipSyncBody(Input input) {
    public LipSyncBody {
        Objects.requireNonNull(input, "input");
    }

    public static LipSyncBody audio(String videoId, String audioBase64) {
        return new LipSyncBody(new Input(videoId, null, "audio2video", "file", audioBase64, null));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Input(String videoId, String videoUrl, String mode, String audioType, String audioFile, String audioUrl) {
        public Input {
            if ((videoId == null) == (videoUrl == null)) throw new IllegalArgumentException("give exactly one of video_id and video_url");
            Objects.requireNonNull(mode, "mode");
        }
    }
}
