package dev.reelwright.providers.fal.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to {@code POST {storage}/storage/upload/initiate}: where to PUT the bytes ({@code upload_url}, pre-signed,
 * no fal key) and the public address to hand to a model ({@code file_url}).
 */
public record UploadTicket(String uploadUrl, String fileUrl) {
    public static UploadTicket from(JsonNode body) {
        return new UploadTicket(blankToNull(body.path("upload_url").asText("")), blankToNull(body.path("file_url").asText("")));
    }

    public boolean complete() {
        return uploadUrl != null && fileUrl != null;
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
