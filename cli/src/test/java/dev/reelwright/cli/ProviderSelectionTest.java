package dev.reelwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.SpecLoader;
import dev.reelwright.core.remote.Sleeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing vendors in production.yaml: mistakes are caught before anything is generated or paid for. */
class ProviderSelectionTest {
    @TempDir
    Path dir;

    private static Environment env(Map<String, String> variables) {
        return new Environment(variables, Clock.systemUTC(), Sleeper.REAL);
    }

    private CliRunner make(Environment environment, String yaml) throws IOException {
        Path script = Files.writeString(dir.resolve("s.md"), "Hello there.\n");
        Path spec = Files.writeString(dir.resolve("production.yaml"), yaml);
        return CliRunner.run(environment, "make", script.toString(), "--spec", spec.toString(), "--out", dir.resolve("out").toString());
    }

    @Test
    void anUnknownModelIsBadInputListingTheKnownOnes() throws IOException {
        CliRunner result = make(env(Map.of()), "models:\n  clips: fal/kling-v9\n");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models.clips").contains("no video model 'fal/kling-v9'").contains("local/camera-move");
        assertThat(dir.resolve("out/report.json")).doesNotExist();
    }

    @Test
    void aRetiredModelIsRefusedWithItsDate() throws IOException {
        CliRunner result = make(env(Map.of("OPENAI_API_KEY", "sk-test")), "models:\n  clips: openai/sora-2\n");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("openai/sora-2 was retired on 2026-09-24");
    }

    @Test
    void aMissingKeyNamesTheVariableToSet() throws IOException {
        CliRunner result = make(env(Map.of()), "models:\n  clips: google/veo-3.1-vertex\nproviders:\n  google:\n    key_env: MY_TOKEN\n");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("needs the environment variable MY_TOKEN");
    }

    @Test
    void adaptersThatLookUpOtherModelsSeeTheProductionsCatalog() throws IOException {
        // A user who retires whisper-1 in their own catalog gets OpenAI speech without the transcription call.
        Files.writeString(dir.resolve("models.yaml"), """
                models:
                  - id: openai/whisper-1
                    vendor: openai
                    model: whisper-1
                    kind: transcription
                    status: retired
                """);
        String models = "models:\n  speech: openai/gpt-4o-mini-tts\n";
        ProductionSpec own = SpecLoader.load(Files.writeString(dir.resolve("own.yaml"), "catalog: models.yaml\n" + models));
        ProductionSpec bundled = SpecLoader.load(Files.writeString(dir.resolve("bundled.yaml"), models));

        assertThat(speechId(own)).isEqualTo("openai/gpt-4o-mini-tts@gpt-4o-mini-tts");
        assertThat(speechId(bundled)).isEqualTo("openai/gpt-4o-mini-tts@gpt-4o-mini-tts+openai/whisper-1@whisper-1");
    }

    private static String speechId(ProductionSpec spec) {
        return ProviderSelection.forRun(spec, env(Map.of("OPENAI_API_KEY", "sk-test"))).providers(spec).speech().id();
    }

    @Test
    void aBadBaseUrlIsBadInputWithItsPlace() throws IOException {
        CliRunner result = make(env(Map.of()), "providers:\n  fal:\n    base_url: ftp://example\n");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("production.yaml:2:").contains("must be an http or https URL");
    }

    @Test
    void providersListsEveryVendorWithoutEverShowingAKey() {
        CliRunner result = CliRunner.run(env(Map.of("FAL_KEY", "secret-fal-key-123")), "providers");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("local", "camera-move").doesNotContain("secret-fal-key-123");
    }
}
