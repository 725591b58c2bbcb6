package dev.reelwright.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelwright.core.error.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
    @TempDir
    Path folder;

    private Path spec(String yaml) throws IOException {
        return Files.writeString(folder.resolve("production.yaml"), yaml);
    }

    @Test
    void everyKeyIsOptionalAndDefaultsAreSensible() throws IOException {
        ProductionSpec spec = SpecLoader.load(spec("# nothing but a comment\n{}\n"));
        assertThat(spec.format()).isEqualTo(new VideoFormat(1920, 1080, 30));
        assertThat(spec.captions().on()).isTrue();
        assertThat(spec.voice()).isEqualTo("kevin16");
    }

    @Test
    void keysAreReadAndAspectsGiveTheirSizes() throws IOException {
        ProductionSpec spec = SpecLoader.load(spec("""
                title: Demo
                aspect: "9:16"
                resolution: 720p
                fps: 25
                captions: off
                caption_style: plain
                brand:
                  title_card: Hello
                  accent_color: "#ff0000"
                budget: 3.5
                seed: 42
                """));
        assertThat(spec.format()).isEqualTo(new VideoFormat(720, 1280, 25));
        assertThat(spec.captions().on()).isFalse();
        assertThat(spec.brand().accentColor()).isEqualTo("#FF0000");
        assertThat(spec.brand().titleCard()).isEqualTo("Hello");
        assertThat(spec.seed()).isEqualTo(42);
        assertThat(Aspect.SQUARE.format(Resolution.P1080, 30)).isEqualTo(new VideoFormat(1080, 1080, 30));
    }

    @Test
    void unknownKeysAreErrorsWithLineAndColumn() throws IOException {
        Path file = spec("title: Demo\ncolour: red\n");
        assertThatThrownBy(() -> SpecLoader.load(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":2:1: unknown key 'colour'");
    }

    @Test
    void badValuesNameTheKeyAndPlace() throws IOException {
        Path file = spec("title: Demo\naspect: 4:3x\n");
        assertThatThrownBy(() -> SpecLoader.load(file)).isInstanceOf(InputException.class)
                .hasMessageContaining(file + ":2:").hasMessageContaining("aspect '4:3x' is not one of 16:9, 9:16, 1:1");
    }

    @Test
    void invalidYamlIsAnInputError() throws IOException {
        Path file = spec("title: [unclosed\n");
        assertThatThrownBy(() -> SpecLoader.load(file)).isInstanceOf(InputException.class).hasMessageStartingWith(file + ":");
    }

    @Test
    void missingMusicIsNamed() throws IOException {
        Path file = spec("music: bed.wav\n");
        assertThatThrownBy(() -> SpecLoader.load(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("music file 'bed.wav' not found");
    }

    @Test
    void writtenSettingsReadBackTheSame() throws IOException {
        Path music = Files.writeString(folder.resolve("bed.wav"), "not really audio");
        ProductionSpec spec = SpecLoader.load(spec("aspect: \"1:1\"\nmusic: bed.wav\ncaptions: off\nbrand:\n  accent_color: \"#00FF00\"\n"));
        Path copy = folder.resolve("copy/production.yaml");
        SpecLoader.write(copy, spec);
        assertThat(SpecLoader.load(copy)).isEqualTo(spec);
        assertThat(spec.music()).isEqualTo(music.toAbsolutePath());
    }

    @Test
    void candidateAndQualityAndRoutingSettingsAreRead() throws IOException {
        Path catalog = Files.writeString(folder.resolve("my-models.yaml"), "models: []\n");
        ProductionSpec spec = SpecLoader.load(spec("""
                candidates_per_shot: 4
                candidate_strategy: fixed
                candidates_in_parallel: 2
                quality_thresholds: {flicker: 0.7, text-corruption: 0.3}
                policy: cost
                vendors: {allow: [fal, Runway], deny: [openai]}
                catalog: my-models.yaml
                """));
        assertThat(spec.candidatesPerShot()).isEqualTo(4);
        assertThat(spec.candidateStrategy()).isEqualTo(CandidateStrategy.FIXED);
        assertThat(spec.candidatesInParallel()).isEqualTo(2);
        assertThat(spec.thresholds().threshold(dev.reelwright.core.quality.Artifact.FLICKER)).isEqualTo(0.7);
        assertThat(spec.thresholds().threshold(dev.reelwright.core.quality.Artifact.TEXT_CORRUPTION)).isEqualTo(0.3);
        assertThat(spec.thresholds().threshold(dev.reelwright.core.quality.Artifact.MORPHING)).isEqualTo(0.5);
        assertThat(spec.policy()).isEqualTo(RoutingPolicy.COST);
        assertThat(spec.vendors().permits("runway")).isTrue();
        assertThat(spec.vendors().permits("openai")).isFalse();
        assertThat(spec.vendors().permits("google")).isFalse();
        assertThat(spec.catalog()).isEqualTo(catalog.toAbsolutePath());
        Path copy = folder.resolve("copy/production.yaml");
        SpecLoader.write(copy, spec);
        assertThat(SpecLoader.load(copy)).isEqualTo(spec);
    }

    @Test
    void defaultsAdaptUpToSixCandidatesOneAtATimeAndFixedMeansThree() throws IOException {
        assertThat(ProductionSpec.DEFAULTS.candidateStrategy()).isEqualTo(CandidateStrategy.ADAPTIVE);
        assertThat(ProductionSpec.DEFAULTS.candidatesPerShot()).isEqualTo(6);
        assertThat(ProductionSpec.DEFAULTS.candidatesInParallel()).isEqualTo(1);
        assertThat(ProductionSpec.DEFAULTS.policy()).isEqualTo(RoutingPolicy.BALANCED);
        assertThat(SpecLoader.load(spec("candidate_strategy: fixed\n")).candidatesPerShot()).isEqualTo(3);
        assertThat(SpecLoader.load(spec("candidate_strategy: fixed\ncandidates_per_shot: 2\n")).candidatesPerShot()).isEqualTo(2);
    }

    @Test
    void badQualityAndCandidateSettingsAreNamed() throws IOException {
        Path unknownArtifact = spec("quality_thresholds: {sparkle: 0.5}\n");
        assertThatThrownBy(() -> SpecLoader.load(unknownArtifact)).isInstanceOf(InputException.class)
                .hasMessageContaining("artifact 'sparkle' is not one of flicker");
        Path outOfRange = spec("quality_thresholds: {flicker: 1.5}\n");
        assertThatThrownBy(() -> SpecLoader.load(outOfRange)).isInstanceOf(InputException.class)
                .hasMessageContaining("threshold for flicker must be within 0..1");
        Path tooParallel = spec("candidates_per_shot: 2\ncandidates_in_parallel: 3\n");
        assertThatThrownBy(() -> SpecLoader.load(tooParallel)).isInstanceOf(InputException.class)
                .hasMessageContaining("candidates_in_parallel must be 1..candidates_per_shot (2)");
        Path badPolicy = spec("policy: cheapest\n");
        assertThatThrownBy(() -> SpecLoader.load(badPolicy)).isInstanceOf(InputException.class)
                .hasMessageContaining("policy 'cheapest' is not one of quality, balanced, cost");
        Path missingCatalog = spec("catalog: nowhere.yaml\n");
        assertThatThrownBy(() -> SpecLoader.load(missingCatalog)).isInstanceOf(InputException.class)
                .hasMessageContaining("catalog file 'nowhere.yaml' not found");
    }
}
