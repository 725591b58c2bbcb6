package dev.reelwright.cli.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.media.audio.WavFile;
import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A talking-head scene through {@code make} with {@code models.lip_sync} set: the router sends it to Kling Avatar on
 * (fake) fal, which is given the keyframe as the character and the scene's speech placed on a silent track as long as
 * the shot, voice starting where the timeline plays it; the returned clip is decoded into the video and priced.
 */
@Tag("slow")
class LipSyncThroughMakeTest {
    private static final String ENDPOINT = "fal-ai/kling-video/ai-avatar/v2/standard";
    private static final String APP = "fal-ai/kling-video";

    @Test
    void aTalkingHeadSceneIsLipSyncedToItsOwnSpeech(@TempDir Path dir) throws IOException {
        try (FakeServer fal = new FakeServer()) {
            // Each upload gets its own URL, named after the file fal is told about.
            fal.on("POST", "/storage/upload/initiate", request -> {
                String name = request.json().path("file_name").asText();
                return Answer.json(200, "{\"upload_url\":\"" + fal.baseUrl() + "/put/" + name + "\",\"file_url\":\"" + fal.baseUrl() + "/cdn/" + name + "\"}");
            });
            fal.onPrefix("PUT", "/put/", request -> Answer.json(200, "{}"));
            String base = fal.baseUrl() + "/" + APP + "/requests/av-1";
            String urls = "\"request_id\":\"av-1\",\"response_url\":\"" + base + "\",\"status_url\":\"" + base + "/status\",\"cancel_url\":\"" + base + "/cancel\"";
            fal.on("POST", "/" + ENDPOINT, Answer.json(200, "{\"status\":\"IN_QUEUE\"," + urls + ",\"queue_position\":0}"));
            fal.on("GET", "/" + APP + "/requests/av-1/status", Answer.json(200, "{\"status\":\"COMPLETED\"," + urls + "}"));
            // The fake avatar returns 5 s whatever it was given; the duration it reports is what fal bills.
            fal.on("GET", "/" + APP + "/requests/av-1", request -> Answer.json(200,
                    "{\"video\":{\"url\":\"" + fal.baseUrl() + "/files/avatar.mp4\",\"content_type\":\"video/mp4\"},\"duration\":" + trackSeconds(fal) + "}"));
            fal.on("GET", "/files/avatar.mp4", Answer.bytes(200, "video/mp4", VendorMake.clip(dir)));

            VendorMake.Made made = VendorMake.make(dir, "[visual: a presenter talks to the camera]\nWelcome aboard. Today we sail round the harbour.\n", """
                    models:
                      lip_sync: fal/kling-avatar-v2-standard
                    providers:
                      fal:
                        base_url: %s
                    """.formatted(fal.baseUrl()), Map.of("FAL_KEY", "fal-test-key")).assertFinished();

            List<FakeServer.Recorded> submits = fal.requests("POST", "/" + ENDPOINT);
            assertThat(submits).hasSize(1);
            JsonNode body = submits.getFirst().json();
            assertThat(body.path("image_url").asText()).endsWith(".png");
            assertThat(body.path("audio_url").asText()).endsWith(".wav");

            // The audio sent is the whole shot: silence for the lead-in, then the voice, then silence to the end.
            Path track = Files.write(dir.resolve("sent.wav"), upload(fal, ".wav").body());
            WavFile.Header header = WavFile.readHeader(track);
            float[] samples = WavFile.readMono(track, header);
            JsonNode scene = made.report().path("scenes").get(0);
            assertThat(header.seconds()).isCloseTo(scene.path("seconds").asDouble(), within(0.002));
            int lead = (int) Math.round(0.4 * header.sampleRate());
            assertThat(peak(samples, 0, lead - 10)).as("the lead-in is silent").isZero();
            assertThat(peak(samples, lead, samples.length)).as("the voice follows").isGreaterThan(0.05f);
            // ...and it is this scene's own speech, moved by the lead-in.
            Path voice = made.stepFile("voice", "voice.wav");
            float[] spoken = WavFile.readMono(voice, WavFile.readHeader(voice));
            int loudest = loudest(spoken);
            assertThat(samples[lead + loudest]).isCloseTo(spoken[loudest], within(2f / 32768));

            assertThat(scene.path("model").asText()).isEqualTo("fal/kling-avatar-v2-standard");
            assertThat(scene.path("routing").get(0).asText()).contains("models.lip_sync");
            assertThat(made.stageCost("clip")).isCloseTo(header.seconds() * 0.0562, within(1e-3));
        }
    }

    /** How long the uploaded speech track is, once it has been uploaded (0 before). */
    private static double trackSeconds(FakeServer fal) {
        List<FakeServer.Recorded> puts = fal.requests().stream().filter(r -> r.method().equals("PUT") && r.path().endsWith(".wav")).toList();
        if (puts.isEmpty()) return 0;
        byte[] wav = puts.getLast().body();
        int rate = java.nio.ByteBuffer.wrap(wav, 24, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        return (wav.length - 44) / 2.0 / rate;
    }

    private static FakeServer.Recorded upload(FakeServer fal, String suffix) {
        return fal.requests().stream().filter(r -> r.method().equals("PUT") && r.path().endsWith(suffix)).reduce((a, b) -> b).orElseThrow();
    }

    private static float peak(float[] samples, int from, int to) {
        float peak = 0;
        for (int i = Math.max(0, from); i < Math.min(samples.length, to); i++) peak = Math.max(peak, Math.abs(samples[i]));
        return peak;
    }

    private static int loudest(float[] samples) {
        int at = 0;
        for (int i = 1; i < samples.length; i++) if (Math.abs(samples[i]) > Math.abs(samples[at])) at = i;
        return at;
    }
}
