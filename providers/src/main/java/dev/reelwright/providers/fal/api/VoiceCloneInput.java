package dev.reelwright.providers.fal.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code fal-ai/minimax/voice-clone} input: one uploaded sample of at least 10 s. */
public record VoiceCloneInput(@JsonProperty("audio_url") String audioUrl) {}
