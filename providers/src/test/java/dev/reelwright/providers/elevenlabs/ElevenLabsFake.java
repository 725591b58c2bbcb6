package dev.reelwright.providers.elevenlabs;

import java.util.Base64;
import java.util.Locale;

/** ElevenLabs' answers as the fake gives them (PROVIDERS.md §7, elevenlabs.json {@code AudioWithTimestampsResponse}). */
public final class ElevenLabsFake {
    public static final String KEY = "sk_test_0123456789abcdef0123456789abcdef";

    private ElevenLabsFake() {}

    /**
     * {@code POST /v1/text-to-speech/{voice_id}/with-timestamps} with {@code output_format=pcm_24000}: {@code pcmSeconds}
     * of raw 16-bit PCM at 24 kHz in {@code audio_base64}, and an alignment with one entry per character of
     * {@code text}, the first starting at {@code start} and each lasting {@code perCharacter} seconds.
     */
    public static String withTimestamps(String text, double pcmSeconds, double start, double perCharacter) {
        byte[] pcm = new byte[(int) Math.round(pcmSeconds * 24_000) * 2];
        for (int i = 0; i < pcm.length; i += 2) pcm[i] = (byte) (i % 97);
        StringBuilder chars = new StringBuilder();
        StringBuilder starts = new StringBuilder();
        StringBuilder ends = new StringBuilder();
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            String sep = i == 0 ? "" : ",";
            chars.append(sep).append('"').append(new String(Character.toChars(codePoints[i])).replace("\"", "\\\"")).append('"');
            starts.append(sep).append(String.format(Locale.ROOT, "%.3f", start + i * perCharacter));
            ends.append(sep).append(String.format(Locale.ROOT, "%.3f", start + (i + 1) * perCharacter));
        }
        String alignment = "{\"characters\":[" + chars + "],\"character_start_times_seconds\":[" + starts
                + "],\"character_end_times_seconds\":[" + ends + "]}";
        return "{\"audio_base64\":\"" + Base64.getEncoder().encodeToString(pcm) + "\",\"alignment\":" + alignment
                + ",\"normalized_alignment\":" + alignment + "}";
    }
}
