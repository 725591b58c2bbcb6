package dev.reelwright.providers.testing;

import dev.reelwright.core.remote.JobId;
import dev.reelwright.core.remote.JobListener;
import dev.reelwright.core.remote.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that moves only when the code under test sleeps (as in core's JobRunnerTest), so poll loops, retries and
 * deadlines run instantly and deterministically. Records the sleeps, and the job ids journaled when it is also the
 * context's job listener.
 */
public final class FakeTime extends Clock implements Sleeper, JobListener {
    public final Instant start;
    public final List<Duration> sleeps = new ArrayList<>();
    public final List<JobId> submitted = new ArrayList<>();
    private Instant now;

    /** Starting at 2026-11-25T00:00:00Z. */
    public FakeTime() {
        this(Instant.parse("2026-11-25T00:00:00Z"));
    }

    public FakeTime(Instant start) {
        this.start = start;
        this.now = start;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    @Override
    public synchronized void submitted(JobId id) {
        submitted.add(id);
    }

    /** How far the clock has moved: the sum of the sleeps. */
    public synchronized Duration elapsed() {
        return Duration.between(start, now);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
