package dev.reelwright.cli.command;

import dev.reelwright.cli.Environment;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Scene;
import dev.reelwright.core.model.SpecLoader;
import dev.reelwright.core.model.Storyboard;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        header = "Break a script into scenes and write storyboard.json.",
        description = {"", "Writes DIR/storyboard.json and prints the scenes. Edit the storyboard (narration, visual, camera,",
            "mood, seed) and run 'reelwright make DIR/storyboard.json': only what you changed is rendered again.", ""})
public final class PlanCommand implements Callable<Integer> {
    private final Environment environment;

    public PlanCommand(Environment environment) {
        this.environment = environment;
    }

    @Mixin
    ProductionOptions options;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path folder = output.folder(options.input());
        ProductionOptions.Loaded loaded = options.load(environment, folder);
        ProductionSpec production = loaded.spec();
        Storyboard storyboard = loaded.storyboard();
        Path file = folder.resolve("storyboard.json");
        Json.write(file, storyboard);
        SpecLoader.write(folder.resolve(SpecLoader.FILE_NAME), production);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(sceneTable(storyboard));
        stdout.printf(Locale.ROOT, "%d scenes, about %.1f s. Wrote %s%n", storyboard.scenes().size(), storyboard.totalSeconds(), file);
        stdout.flush();
        return 0;
    }

    static String sceneTable(Storyboard storyboard) {
        List<List<String>> rows = storyboard.scenes().stream().map(PlanCommand::row).toList();
        return Tables.render(List.of("scene", "seconds", "camera", "mood", "narration", "visual"), rows);
    }

    private static List<String> row(Scene scene) {
        return List.of(scene.id(), String.format(Locale.ROOT, "%.1f", scene.seconds()), scene.camera().label(), scene.mood().label(),
                Tables.shorten(scene.narration(), 44), Tables.shorten(scene.visual(), 36));
    }
}
