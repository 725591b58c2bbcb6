package dev.reelwright.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.json.Json;
import dev.reelwright.core.spi.Speech.TimingSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Speech as the step cache stores it: the timing source round-trips, and entries written before it existed still load. */
class SpeechTest {
    @Test
    void theTimingSourceIsStoredInLowerCaseAndReadBack() throws Exception {
        Speech speech = new Speech("voice.wav", 24_000, 1.5, List.of(new WordTiming("Hello.", 0.1, 0.6)),
                new Charge("elevenlabs", "eleven_multilingual_v2", 0.001, true), TimingSource.VENDOR_ALIGNMENT);

        String json = Json.toJson(speech);

        assertThat(json).contains("\"timing_source\" : \"vendor_alignment\"");
        assertThat(Json.json().readValue(json, Speech.class)).isEqualTo(speech);
    }

    @Test
    void aCachedStepFromBeforeTheFieldLoadsWithAnUnknownSource() throws Exception {
        String old = """
                {"file":"speech.mp3","sample_rate":32000,"seconds":2.0,"words":[{"word":"Hi.","start":0.0,"end":0.4}],
                 "charge":{"vendor":"fal","model":"fal-ai/minimax/speech-2.8-hd","usd":0.0003,"estimated":true}}""";

        Speech speech = Json.json().readValue(old, Speech.class);

        assertThat(speech.timingSource()).isEqualTo(TimingSource.UNKNOWN);
        assertThat(speech.words()).containsExactly(new WordTiming("Hi.", 0.0, 0.4));
    }

    @Test
    void theEmbeddedSynthesisersConstructorMeansItsOwnTimings() {
        assertThat(new Speech("speech.wav", 16_000, 1, List.of()).timingSource()).isEqualTo(TimingSource.SYNTHESIZER);
    }
}
