package dev.reelwright.core.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.script.Script.ScriptScene;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScriptParserTest {
    private static final Path FILE = Path.of("script.md");

    @Test
    void headingsAndParagraphsStartScenesAndVisualLinesAttach() {
        Script script = ScriptParser.parse(FILE, """
                # The Keeper

                ## Dawn
                [visual: a lighthouse at dawn]
                Ada climbs the **hundred** steps.

                She polishes the lamp.
                > close-up of a brass lamp

                [Visual: waves on rocks]
                The sea is restless.
                """);
        assertThat(script.title()).isEqualTo("The Keeper");
        assertThat(script.scenes()).containsExactly(
                new ScriptScene("Dawn", "Ada climbs the hundred steps.", "a lighthouse at dawn", 3),
                new ScriptScene(null, "She polishes the lamp.", "close-up of a brass lamp", 7),
                new ScriptScene(null, "The sea is restless.", "waves on rocks", 10));
    }

    @Test
    void plainTextParagraphsAreScenesAndLinesOfAParagraphJoin() {
        Script script = ScriptParser.parse(FILE, "First line\nsame paragraph.\n\nSecond scene.\r\n");
        assertThat(script.title()).isNull();
        assertThat(script.scenes()).extracting(ScriptScene::narration)
                .containsExactly("First line same paragraph.", "Second scene.");
    }

    @Test
    void markdownLinksAndEmphasisAreReadAsWords() {
        assertThat(ScriptParser.clean("See [the map](http://x) and _this_ `code`")).isEqualTo("See the map and this code");
    }

    @Test
    void emptyScriptsAndScriptsWithoutWordsAreRejectedByName() {
        assertThatThrownBy(() -> ScriptParser.parse(FILE, "  \n\n")).isInstanceOf(InputException.class)
                .hasMessage("script.md: the script is empty");
        assertThatThrownBy(() -> ScriptParser.parse(FILE, "# Only a title\n")).isInstanceOf(InputException.class)
                .hasMessageContaining("no scenes");
        assertThatThrownBy(() -> ScriptParser.parse(FILE, "...\n\n---\n\n!!!\n")).isInstanceOf(InputException.class)
                .hasMessageContaining("no words");
    }

    @Test
    void missingFileIsAnInputError() {
        assertThatThrownBy(() -> ScriptParser.parse(Path.of("does-not-exist.md"))).isInstanceOf(InputException.class)
                .hasMessage("does-not-exist.md: no such file");
    }
}
