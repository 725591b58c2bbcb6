package dev.reelwright.core.remote;

import java.time.Duration;

/** Waiting, injected so tests run poll loops instantly; never a bare Thread.sleep in adapter code. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
