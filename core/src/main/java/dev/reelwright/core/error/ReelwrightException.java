package dev.reelwright.core.error;

/** The one unchecked root of Reelwright's errors. Messages say what to do next and never hold a secret. */
public class ReelwrightException extends RuntimeException {
    public ReelwrightException(String message) {
        super(message);
    }

    public ReelwrightException(String message, Throwable cause) {
        super(message, cause);
    }
}
