package dev.reelwright.local.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.Mood;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Scene;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.script.ScriptParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleBasedScenePlannerTest {
    private final RuleBasedScenePlanner planner = new RuleBasedScenePlanner();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            close-up of a brass lamp                     | DOLLY_IN
            slow push in on the logbook                  | DOLLY_IN
            wide view of the grey sea                    | DOLLY_OUT
            reveal of the lighthouse on the hill         | CRANE_UP
            the camera moves around the tower            | ORBIT
            aerial view of the harbour                   | CRANE_DOWN
            pan left over the rooftops                   | PAN_LEFT
            the beam sweeping across the water           | PAN_RIGHT
            static shot of the door                      | STATIC
            """)
    void cueWordsChooseTheCameraMove(String visual, CameraMove expected) {
        assertThat(RuleBasedScenePlanner.camera(visual, "", 0)).isEqualTo(expected);
    }

    @Test
    void withoutCuesMovesVaryFromSceneToScene() {
        assertThat(RuleBasedScenePlanner.camera("a lighthouse", "she waits", 0))
                .isNotEqualTo(RuleBasedScenePlanner.camera("a lighthouse", "she waits", 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            storm clouds and thunder roll over the ocean  | DRAMATIC
            mist and shadow hide a secret                 | MYSTERIOUS
            the children laugh and celebrate              | JOYFUL
            a quiet, gentle evening                       | CALM
            """)
    void vocabularySetsTheMood(String text, Mood expected) {
        assertThat(RuleBasedScenePlanner.mood(text)).isEqualTo(expected);
    }

    @Test
    void plannedLengthFollowsTheSpeakingRateWithinTheClamps() {
        ProductionSpec spec = ProductionSpec.DEFAULTS; // 150 words per minute, 3..12 s
        assertThat(RuleBasedScenePlanner.plannedSeconds("one two three four five six seven eight nine ten", spec)).isEqualTo(5.0);
        assertThat(RuleBasedScenePlanner.plannedSeconds("Short.", spec)).isEqualTo(3.0);
        assertThat(RuleBasedScenePlanner.plannedSeconds("word ".repeat(100), spec)).isEqualTo(12.0);
    }

    @Test
    void plansEveryScriptSceneWithTitleCardAndVisuals() {
        var script = ScriptParser.parse(Path.of("keeper.md"), """
                # The Keeper
                ## Dawn
                [visual: close-up of a lamp at dawn]
                Ada climbs the steps.

                The storm comes, thunder and lightning.
                """);
        Storyboard storyboard = planner.plan(script, ProductionSpec.DEFAULTS);
        assertThat(storyboard.title()).isEqualTo("The Keeper");
        assertThat(storyboard.titleCard().text()).isEqualTo("The Keeper");
        assertThat(storyboard.titleCard().seconds()).isEqualTo(2.5);
        assertThat(storyboard.scenes()).extracting(Scene::id).containsExactly("scene-01", "scene-02");
        Scene first = storyboard.scenes().getFirst();
        assertThat(first.camera()).isEqualTo(CameraMove.DOLLY_IN);
        assertThat(first.visual()).isEqualTo("close-up of a lamp at dawn");
        Scene second = storyboard.scenes().get(1);
        assertThat(second.visual()).isEqualTo("The storm comes, thunder and lightning");
        assertThat(second.mood()).isEqualTo(Mood.DRAMATIC);
    }
}
