package dev.reelwright.cli.quality;

import dev.reelwright.cli.ErrorHandler;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs one of the quality commands in-process, configured like the real command line, and keeps what it printed. */
record QualityCli(int exitCode, String out, String err) {
    static QualityCli run(Object command, String... args) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(new ErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        StringWriter out = new StringWriter(), err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new QualityCli(code, out.toString(), err.toString());
    }
}
