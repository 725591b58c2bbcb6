package dev.reelwright.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the reelwright command in-process and keeps what it printed, like a user's terminal would. */
public record CliRunner(int exitCode, String out, String err) {
    public static CliRunner run(String... args) {
        return run(Main.commandLine(), args);
    }

    /** With a chosen outside world: fake keys and base URLs, instant sleeps. */
    public static CliRunner run(Environment environment, String... args) {
        return run(Main.commandLine(environment), args);
    }

    private static CliRunner run(CommandLine commandLine, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRunner(code, out.toString(), err.toString());
    }
}
