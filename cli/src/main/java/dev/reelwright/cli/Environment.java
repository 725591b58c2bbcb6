package dev.reelwright.cli;

import dev.reelwright.core.remote.Sleeper;
import java.time.Clock;
import java.util.Map;

/**
 * What the commands take from the outside world: environment variables (keys, base URLs), time and waiting.
 * Passed to each command through picocli's factory, so tests run the CLI in-process against fake vendors with
 * their own variables and instant sleeps, without touching the real process environment.
 */
public record Environment(Map<String, String> variables, Clock clock, Sleeper sleeper) {
    public Environment {
        variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv(), Clock.systemUTC(), Sleeper.REAL);
    }
}
