package dev.reelwright.cli.command;

import dev.reelwright.core.pipeline.StoryboardLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out DIR}, shared by the commands that write a production folder. */
public final class OutputOption {
    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder. Default: out/<script name>/ (a storyboard.json inside out/X/ keeps writing to out/X/).")
    Path out;

    Path folder(Path input) {
        return out != null ? out : StoryboardLoader.defaultOutput(input);
    }
}
