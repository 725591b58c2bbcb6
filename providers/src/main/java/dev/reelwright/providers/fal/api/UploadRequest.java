package dev.reelwright.providers.fal.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST {storage}/storage/upload/initiate?storage_type=fal-cdn-v3}. */
public record UploadRequest(@JsonProperty("content_type") String contentType, @JsonProperty("file_name") String fileName) {}
