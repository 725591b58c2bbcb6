package dev.reelwright.core.error;

import java.nio.file.Path;

/**
 * The user's input is wrong (a missing file, a bad key, an empty script). The CLI maps it to exit code 2
 * and prints the message as one line, so the message names the file and, where known, line and column.
 */
public class InputException extends ReelwrightException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    public static InputException at(Path file, int line, int column, String what) {
        return new InputException(file + ":" + line + ":" + column + ": " + what);
    }

    public static InputException in(Path file, String what) {
        return new InputException(file + ": " + what);
    }
}
