package dev.reelwright.providers.elevenlabs.api;

import com.fasterxml.jackson.databind.JsonNode;

/** The 200 answer of {@code POST /v1/voices/add}: the new voice's id and whether ElevenLabs wants it verified first. */
public record AddVoiceResponse(String voiceId, boolean requiresVerification) {
    public static AddVoiceResponse from(JsonNode node) {
        return new AddVoiceResponse(node.path("voice_id").asText(""), node.path("requires_verification").asBoolean(false));
    }
}
