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
}
