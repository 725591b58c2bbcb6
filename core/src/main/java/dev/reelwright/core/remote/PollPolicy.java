package dev.reelwright.core.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * How patiently to wait for a job: exponential backoff with jitter between polls, capped by both an attempt
 * count and a deadline; and how often to retry a submit that was refused before anything started.
 */
public record PollPolicy(Duration firstDelay, Duration maxDelay, double multiplier, double jitter, int maxPolls, Duration timeout,
                         int submitRetries) {
    public PollPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(timeout, "timeout");
        if (multiplier < 1 || jitter < 0 || jitter >= 1 || maxPolls < 1 || submitRetries < 0) {
            throw new IllegalArgumentException("bad poll policy");
        }
    }

    /** Sensible for video generation: 2 s growing to 15 s, at most 20 minutes. */
    public static final PollPolicy VIDEO = new PollPolicy(Duration.ofSeconds(2), Duration.ofSeconds(15), 1.5, 0.2, 400,
            Duration.ofMinutes(20), 4);

    /** For quick jobs (images, speech): 0.5 s growing to 5 s, at most 5 minutes. */
    public static final PollPolicy QUICK = new PollPolicy(Duration.ofMillis(500), Duration.ofSeconds(5), 1.5, 0.2, 300,
            Duration.ofMinutes(5), 4);

    public PollPolicy withTimeout(Duration newTimeout) {
        return new PollPolicy(firstDelay, maxDelay, multiplier, jitter, maxPolls, newTimeout, submitRetries);
    }

    /** The pause before poll number {@code attempt} (0-based), with jitter drawn from {@code random} in [0,1). */
    public Duration delay(int attempt, double random) {
        double base = firstDelay.toMillis() * Math.pow(multiplier, attempt);
        double capped = Math.min(base, maxDelay.toMillis());
        double jittered = capped * (1 - jitter + 2 * jitter * random);
        return Duration.ofMillis(Math.max(0, Math.round(jittered)));
    }
}
