package dev.reelwright.cli;

import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.pipeline.Providers;
import dev.reelwright.core.spi.ScenePlanner;
import dev.reelwright.local.keyframe.ProceduralKeyframeGenerator;
import dev.reelwright.local.motion.CameraMoveVideoGenerator;
import dev.reelwright.local.motion.MotionClipDecoder;
import dev.reelwright.local.plan.RuleBasedScenePlanner;
import dev.reelwright.local.speech.FreeTtsSpeechSynthesizer;
import dev.reelwright.media.decode.FfmpegClipDecoder;
import dev.reelwright.media.assembly.FfmpegVideoAssembler;
import dev.reelwright.media.quality.OpenCvQualityInspector;
import java.util.List;

/** The embedded default: every seam served offline, with no keys and no network. */
public final class LocalStack {
    private LocalStack() {}

    public static ScenePlanner planner() {
        return new RuleBasedScenePlanner();
    }

    public static Providers providers() {
        return providers(ProductionSpec.DEFAULTS);
    }

    /** The embedded stack, with the quality filter set to the production's thresholds. */
    public static Providers providers(ProductionSpec spec) {
        return new Providers(
                planner(),
                new ProceduralKeyframeGenerator(),
                new CameraMoveVideoGenerator(),
                new FreeTtsSpeechSynthesizer(),
                new FfmpegVideoAssembler(List.of(new MotionClipDecoder(), new FfmpegClipDecoder())),
                new OpenCvQualityInspector(spec.thresholds()));
    }
}
