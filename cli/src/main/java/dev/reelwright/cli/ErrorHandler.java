package dev.reelwright.cli;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.pipeline.BudgetStopped;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Every failure becomes one line on stderr (or one JSON object with --json): bad input exits 2, a run the budget
 * stopped exits 3, anything else 1.
 * Stack traces only with -e.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;
    /** The budget stopped the run before it would have been passed; what was made is cached. */
    public static final int BUDGET = 3;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("reelwright: " + e.getMessage());
        err.println("See 'reelwright " + commandPath(command) + "--help'.");
        err.flush();
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        boolean input = e instanceof InputException;
        boolean budget = e instanceof BudgetStopped;
        int code = input ? BAD_INPUT : budget ? BUDGET : INTERNAL;
        String message = input || budget ? e.getMessage() : describe(e);
        if (wantsJson(parseResult)) {
            command.getOut().println(dev.reelwright.core.json.Json.toJson(java.util.Map.of("status", "failed", "exit_code", code, "error", message)));
            command.getOut().flush();
        }
        PrintWriter err = command.getErr();
        err.println("reelwright: " + message);
        if (showStackTraces(parseResult)) e.printStackTrace(err);
        else if (!input && !budget) err.println("Run again with -e for the full stack trace.");
        err.flush();
        return code;
    }

    private static String describe(Exception e) {
        String message = e instanceof UncheckedIOException io && io.getCause() != null
                ? e.getMessage() + ": " + io.getCause().getMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private static boolean showStackTraces(ParseResult result) {
        for (ParseResult level = result; level != null; level = level.hasSubcommand() ? level.subcommand() : null) {
            if (level.hasMatchedOption("-e")) return true; // -e is inherited, so it may match at any level
        }
        return System.getenv("REELWRIGHT_DEBUG") != null;
    }

    private static boolean wantsJson(ParseResult result) {
        ParseResult sub = result;
        while (sub.hasSubcommand()) sub = sub.subcommand();
        return sub.hasMatchedOption("--json");
    }

    private static String commandPath(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName(" ");
        String path = qualified.replaceFirst("^reelwright ?", "");
        return path.isEmpty() ? "" : path + " ";
    }
}
