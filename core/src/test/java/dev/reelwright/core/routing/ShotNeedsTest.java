package dev.reelwright.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.model.Aspect;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.ModelChoice;
import dev.reelwright.core.model.Mood;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Resolution;
import dev.reelwright.core.model.Scene;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ShotNeedsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            A presenter speaks to camera in a bright studio      | TALKING_HEAD
            A perfume bottle turns on a marble table               | PRODUCT
            Two dancers spinning, then a crowd of runners          | PEOPLE_MOTION
            A lighthouse on a rocky coast at dawn                  | LANDSCAPE
            Snow-capped mountains under a pale sky                 | LANDSCAPE
            An illustrated fox in a watercolour wood               | STYLIZED
            A hostile stare across the desk                        | GENERAL
            A stack of papers                                      | GENERAL
            """)
    void contentKindComesFromCueWordsInThePrompt(String prompt, ContentKind expected) {
        assertThat(ContentKind.of(prompt)).isEqualTo(expected);
    }

    private static Scene scene(String visual, CameraMove camera) {
        return new Scene("s1", null, "Hello there.", visual, camera, Mood.CALM, 7.5, 1);
    }

    @Test
    void aScenesNeedsComeFromItsPromptAndTheProduction() {
        ProductionSpec spec = ProductionSpec.DEFAULTS.withAspect(Aspect.PORTRAIT).withResolution(Resolution.P720);

        ShotNeeds needs = ShotNeeds.of(scene("Waves crash on the coast; we hear the sound of gulls", CameraMove.ORBIT), spec);

        assertThat(needs).isEqualTo(new ShotNeeds(7.5, Resolution.P720, Aspect.PORTRAIT, true, false, true, CameraMove.ORBIT,
                ContentKind.LANDSCAPE));
        assertThat(needs.describe()).isEqualTo("7.5 s 720p 9:16 image-to-video, orbit camera, native audio, landscape");
    }

    @Test
    void lipSyncNeedsATalkingHeadAndALipSyncModel() {
        Scene presenter = scene("A host talks to camera", CameraMove.STATIC);
        ProductionSpec withLipSync = new ProductionSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, new ModelChoice(null, null, null, null, "fal/kling-avatar-v2-pro", null), null, null, null, null, null, null, null);

        assertThat(ShotNeeds.of(presenter, ProductionSpec.DEFAULTS).lipSync()).isFalse();
        assertThat(ShotNeeds.of(presenter, withLipSync).lipSync()).isTrue();
        assertThat(ShotNeeds.of(scene("A lighthouse at dawn", CameraMove.STATIC), withLipSync).lipSync()).isFalse();
        // A silent presenter has nothing to lip-sync to: an ordinary clip model makes it.
        Scene silent = new Scene(presenter.id(), null, "", presenter.visual(), CameraMove.STATIC, presenter.mood(), 4, 1);
        assertThat(ShotNeeds.of(silent, withLipSync).lipSync()).isFalse();
    }
}
