package dev.reelwright.providers.elevenlabs.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The 200 answer of the with-timestamps endpoint, read leniently: {@code audio_base64} and the character
 * {@code alignment} of the input text (null when the vendor gives none). {@code normalized_alignment}, which follows
 * the normalised text ("3" read as "three"), is not used: word timings must follow the words as written.
 */
public record AudioWithTimestamps(String audioBase64, Alignment alignment) {

    /** Parallel lists: each character (a string, as sent) with its start and end in seconds. */
    public record Alignment(List<String> characters, List<Double> starts, List<Double> ends) {
        public Alignment {
            characters = List.copyOf(characters);
            starts = List.copyOf(starts);
            ends = List.copyOf(ends);
        }

        public boolean consistent() {
            return !characters.isEmpty() && characters.size() == starts.size() && characters.size() == ends.size();
        }
    }

    public static AudioWithTimestamps from(JsonNode node) {
        return new AudioWithTimestamps(node.path("audio_base64").asText(""), alignment(node.path("alignment")));
    }

    private static Alignment alignment(JsonNode node) {
        if (!node.isObject()) return null;
        List<String> characters = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        List<Double> ends = new ArrayList<>();
        for (JsonNode c : node.path("characters")) characters.add(c.asText(""));
        for (JsonNode s : node.path("character_start_times_seconds")) starts.add(s.asDouble());
        for (JsonNode e : node.path("character_end_times_seconds")) ends.add(e.asDouble());
        return new Alignment(characters, starts, ends);
    }
}
