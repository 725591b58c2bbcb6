package dev.reelwright.providers.openai.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The Sora Videos API ({@code /videos}), shut down by OpenAI on 2026-09-24; kept for compatible servers. */
public final class VideoApi {
    private VideoApi() {}

    /** The JSON create body (text-to-video); {@code seconds} is a string ("4", "8", "12"), {@code size} "1280x720" etc. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Create(String model, String prompt, String seconds, String size) {}

    /** A video job. {@code status}: queued, in_progress, completed, failed. */
    public record Video(String id, String object, String model, String status, Integer progress, String seconds, String size, Failure error) {}

    /** Why a job failed; moderation codes are not documented (the vendor's examples were mock-made). */
    public record Failure(String code, String message) {}
}
