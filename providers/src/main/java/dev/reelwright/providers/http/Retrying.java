package dev.reelwright.providers.http;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.remote.PollPolicy;
import dev.reelwright.core.remote.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The one retry loop for synchronous vendor calls (paid jobs go through core's JobRunner instead): send, and on a
 * refusal that is safe to send again wait and send again, up to an attempt cap and, where the rule has one, a
 * deadline. Waits use jittered backoff or the vendor's own Retry-After, always through the injected {@link Sleeper},
 * so tests run instantly. The two factories are the two rules the adapters use.
 */
public final class Retrying {
    /** The pause before retry number {@code retry} (0 for the first), given a jitter draw in [0,1) and the vendor's asked-for wait. */
    @FunctionalInterface
    interface Pause {
        Duration before(int retry, double jitter, Optional<Duration> asked);
    }

    private static final int SDK_ATTEMPTS = 3;

    private final String vendor;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final int attempts;
    /** Null where the rule has no deadline of its own (see {@link #sdkDefaults}). */
    private final Duration timeout;
    private final Predicate<VendorException> retriable;
    private final Pause pause;

    /** How long the SDK-style rule may spend retrying one call. */
    public static final Duration SDK_DEADLINE = Duration.ofMinutes(5);

    private Retrying(String vendor, Clock clock, Sleeper sleeper, RandomGenerator random, int attempts, Duration timeout,
                     Predicate<VendorException> retriable, Pause pause) {
        this.vendor = vendor;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.attempts = attempts;
        this.timeout = timeout;
        this.retriable = retriable;
        this.pause = pause;
    }

    /**
     * What OpenAI's and Anthropic's SDKs do: up to 3 sends, retrying any retriable refusal (rate limit, outage), waiting
     * what the vendor asked for, else 1 s then 2 s (±20 %). A wait that would pass {@link #SDK_DEADLINE} (a rate
     * limit resetting in hours, say) is not slept through: the refusal is reported instead, with the wait it asked for.
     */
    public static Retrying sdkDefaults(String vendor, Clock clock, Sleeper sleeper, RandomGenerator random) {
        return new Retrying(vendor, clock, sleeper, random, SDK_ATTEMPTS, SDK_DEADLINE, VendorException::retriable,
                (retry, jitter, asked) -> asked.orElse(Duration.ofMillis(Math.round(1000 * Math.pow(2, retry) * (0.8 + 0.4 * jitter)))));
    }

    /**
     * A poll policy's rule for refused submits, as core's JobRunner applies it: its submit retries, its deadline, and
     * the longer of its backoff and the vendor's wait; only refusals that {@code retriable} accepts are sent again.
     */
    public static Retrying underPolicy(String vendor, Clock clock, Sleeper sleeper, RandomGenerator random, PollPolicy policy,
                                       Predicate<VendorException> retriable) {
        return new Retrying(vendor, clock, sleeper, random, policy.submitRetries() + 1, policy.timeout(), retriable,
                (retry, jitter, asked) -> {
                    Duration backoff = policy.delay(retry, jitter);
                    Duration wanted = asked.orElse(Duration.ZERO);
                    return wanted.compareTo(backoff) > 0 ? wanted : backoff;
                });
    }

    /** {@code send}'s result; {@code send} throws a {@link VendorException} for a refusal. The last refusal is rethrown. */
    public <T> T call(Supplier<T> send) {
        Instant deadline = timeout == null ? null : clock.instant().plus(timeout);
        for (int attempt = 1; ; attempt++) {
            VendorException failure;
            try {
                return send.get();
            } catch (VendorException e) {
                failure = e;
            }
            if (!retriable.test(failure) || attempt >= attempts) throw failure;
            Duration wait = pause.before(attempt - 1, random.nextDouble(), failure.retryAfter());
            if (deadline != null && !clock.instant().plus(wait).isBefore(deadline)) throw failure;
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw VendorException.wrap(vendor, Kind.JOB_FAILED, "interrupted while waiting to retry", e);
            }
        }
    }
}
