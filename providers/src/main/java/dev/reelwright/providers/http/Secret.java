package dev.reelwright.providers.http;

import java.util.Objects;

/**
 * An API key. Its {@code toString} never shows the value, so a key cannot leak into a log, a report or an error
 * message by accident; only {@link #reveal()} hands it to the one header that needs it.
 */
public final class Secret {
    private final String value;
    private final String source;

    public Secret(String value, String source) {
        this.value = Objects.requireNonNull(value, "value");
        this.source = Objects.requireNonNull(source, "source");
    }

    public String reveal() {
        return value;
    }

    /** Where the key came from, e.g. the environment variable's name: safe to print. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "Secret[" + source + "]";
    }
}
