package dev.reelwright.cli.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelwright.providers.elevenlabs.ElevenLabsFake;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ElevenLabs chosen for speech, end to end through {@code make}: PCM with character timestamps (PROVIDERS.md §7), so the
 * captions carry the vendor's timings, not an estimate.
 */
@Tag("slow")
class ElevenLabsThroughMakeTest {
    private static final String NARRATION = "The keeper lights the lamp.";
    private static final String PATH = "/v1/text-to-speech/JBFqnCBsd6RMkjVDRZzb/with-timestamps";

    @Test
    void speechWithCharacterTimingsPacesTheCaptions(@TempDir Path dir) throws IOException {
        try (FakeServer fake = new FakeServer()) {
            // The first character at 0.25 s, 80 ms each: an estimate would start the first word at 0.
            fake.on("POST", PATH, Answer.json(200, ElevenLabsFake.withTimestamps(NARRATION, 2.6, 0.25, 0.08))
                    .withHeader("character-cost", "27").withHeader("request-id", "req-9"));

            VendorMake.Made made = VendorMake.make(dir, VendorMake.ONE_SCENE, """
                    models:
                      speech: elevenlabs/multilingual-v2
                    providers:
                      elevenlabs:
                        base_url: %s
                    """.formatted(fake.baseUrl()), Map.of("ELEVENLABS_API_KEY", ElevenLabsFake.KEY)).assertFinished();

            assertThat(fake.requests()).hasSize(1);
            FakeServer.Recorded sent = fake.requests("POST", PATH).getFirst();
            assertThat(sent.query()).isEqualTo("output_format=pcm_24000");
            assertThat(sent.header("xi-api-key")).isEqualTo(ElevenLabsFake.KEY);
            assertThat(sent.json().path("text").asText()).isEqualTo(NARRATION);
            assertThat(sent.json().path("model_id").asText()).isEqualTo("eleven_multilingual_v2");
            assertThat(sent.json().path("voice_settings").path("speed").asDouble()).isEqualTo(1.0);

            // 0.4 s lead-in + 0.25 s; the last character ends at 0.25 + 27 x 0.08 = 2.41 s, and the cue lingers 0.4 s.
            assertThat(made.captions()).isEqualTo("1\n00:00:00,650 --> 00:00:03,210\nThe keeper lights the lamp.\n\n");
            assertThat(made.cachedResults("voice").getFirst().path("timing_source").asText()).isEqualTo("vendor_alignment");
            assertThat(made.report().at("/scenes/0/seconds").asDouble()).isCloseTo(0.4 + 2.6 + 0.6, within(1 / 30.0));
            assertThat(made.provider("speech")).startsWith("elevenlabs/multilingual-v2@eleven_multilingual_v2");
            assertThat(made.stageCost("voice")).isCloseTo(0.18 * 27 / 1000, within(1e-9));
        }
    }
}
