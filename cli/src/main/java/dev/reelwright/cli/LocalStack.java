package dev.reelwright.cli;

import dev.reelwright.core.pipeline.Providers;
import dev.reelwright.core.spi.ScenePlanner;
import dev.reelwright.local.keyframe.ProceduralKeyframeGenerator;
import dev.reelwright.local.motion.CameraMoveVideoGenerator;
import dev.reelwright.local.motion.MotionClipDecoder;
import dev.reelwright.local.plan.RuleBasedScenePlanner;
import dev.reelwright.local.speech.FreeTtsSpeechSynthesizer;
import dev.reelwright.media.decode.FfmpegClipDecoder;
import dev.reelwright.media.assembly.FfmpegVideoAssembler;
import java.util.List;

/** The embedded default: every seam served offline, with no keys and no network. */
public final class LocalStack {
    private LocalStack() {}

    public static ScenePlanner planner() {
        return new RuleBasedScenePlanner();
    }

    public static Providers providers() {
        return new Providers(
                planner(),
                new ProceduralKeyframeGenerator(),
                new CameraMoveVideoGenerator(),
                new FreeTtsSpeechSynthesizer(),
                new FfmpegVideoAssembler(List.of(new MotionClipDecoder(), new FfmpegClipDecoder())));
    }
}
