package dev.reelwright.cli;

import dev.reelwright.cli.command.BenchCommand;
import dev.reelwright.cli.command.EstimateCommand;
import dev.reelwright.cli.command.InspectCommand;
import dev.reelwright.cli.command.MakeCommand;
import dev.reelwright.cli.command.ModelsCommand;
import dev.reelwright.cli.command.PlanCommand;
import dev.reelwright.cli.command.ProvidersCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;

/** The {@code reelwright} command. Exit codes: 0 success, 1 internal failure, 2 bad input, 3 stopped by the budget. */
@Command(
        name = "reelwright",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Turns a written script into a finished, publishable video.",
        description = {
            "",
            "Write a script in Markdown or plain text: headings and paragraphs become scenes, each paragraph is",
            "narration, and a line like [visual: a lighthouse at dawn] or '> ...' says what the scene shows.",
            "Words such as close-up, wide, reveal, around, push in or aerial choose the camera move.",
            "Optional production.yaml sets aspect, resolution, voice, music, captions and brand.",
            "",
            "Typical use:",
            "  reelwright plan script.md            # see the scenes, edit out/script/storyboard.json if you like",
            "  reelwright estimate script.md        # which model makes each shot, why, and what it all costs",
            "  reelwright make script.md            # or: reelwright make out/script/storyboard.json",
            "",
            "Everything runs offline with the embedded models unless production.yaml picks a vendor.",
            ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  internal failure (rerun with -e for the stack trace)", "  2  bad input: the message names the file, and line:column where known",
            "  3  stopped by the budget before it was passed; what was made is cached, so a re-run pays only for the rest"},
        subcommands = {PlanCommand.class, EstimateCommand.class, MakeCommand.class, InspectCommand.class, ProvidersCommand.class, ModelsCommand.class,
            BenchCommand.class, HelpCommand.class})
public final class Main implements Runnable {
    /** Builds commands, handing the {@link Environment} to those whose constructor asks for it. */
    private record Factory(Environment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Environment.class).newInstance(environment);
            } catch (NoSuchMethodException noEnvironment) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    @Option(names = {"-e", "--errors"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Show the full stack trace when something fails.")
    boolean showStackTraces;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: plan, estimate, make, inspect, providers, models or bench (see --help)");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it in-process with their own writers. */
    public static CommandLine commandLine() {
        return commandLine(Environment.system());
    }

    /** The command line with the given outside world: tests pass fake keys, base URLs and instant sleeps. */
    public static CommandLine commandLine(Environment environment) {
        CommandLine commandLine = new CommandLine(new Main(), new Factory(environment));
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(new ErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // Help text is written in lines of up to ~110 characters; at picocli's default 80 they would break mid-sentence.
        commandLine.setUsageHelpWidth(120);
        return commandLine;
    }
}
