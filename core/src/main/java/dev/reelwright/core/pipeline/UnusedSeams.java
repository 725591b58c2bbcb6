package dev.reelwright.core.pipeline;

import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.spi.FrameSource;
import dev.reelwright.core.spi.ImageGenerator;
import dev.reelwright.core.spi.ImageGenerator.GeneratedImage;
import dev.reelwright.core.spi.ScenePlanner;
import dev.reelwright.core.spi.Speech;
import dev.reelwright.core.spi.SpeechSynthesizer;
import dev.reelwright.core.spi.VideoAssembler;
import java.nio.file.Path;
import java.util.List;

/** Seams a partial run never calls (the cost simulation, tests of one stage): each throws if it is called after all. */
final class UnusedSeams {
    private UnusedSeams() {}

    static final ScenePlanner PLANNER = new ScenePlanner() {
        @Override
        public String id() {
            return "unused";
        }

        @Override
        public dev.reelwright.core.model.Storyboard plan(dev.reelwright.core.script.Script script, ProductionSpec spec) {
            throw new UnsupportedOperationException();
        }
    };
    static final ImageGenerator IMAGES = new ImageGenerator() {
        @Override
        public String id() {
            return "unused";
        }

        @Override
        public GeneratedImage generate(dev.reelwright.core.spi.KeyframeRequest request, Path folder) {
            throw new UnsupportedOperationException();
        }
    };
    static final SpeechSynthesizer SPEECH = new SpeechSynthesizer() {
        @Override
        public String id() {
            return "unused";
        }

        @Override
        public List<String> voices() {
            return List.of();
        }

        @Override
        public Speech synthesize(dev.reelwright.core.spi.SpeechRequest request, Path folder) {
            throw new UnsupportedOperationException();
        }
    };
    static final VideoAssembler ASSEMBLER = new VideoAssembler() {
        @Override
        public String id() {
            return "unused";
        }

        @Override
        public void assemble(dev.reelwright.core.timeline.Timeline timeline, Path video, Path poster,
                dev.reelwright.core.progress.ProgressListener progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FrameSource open(Path clip, dev.reelwright.core.model.VideoFormat format) {
            throw new UnsupportedOperationException("the simulated shots fit one clip");
        }
    };
}
