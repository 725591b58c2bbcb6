package dev.reelwright.core.remote;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Runs a {@link RemoteJob} to the end: submit (retrying only refusals that certainly created no job), tell the
 * listener the job id, then poll with backoff until a terminal state, the attempt cap or the deadline. Errors while
 * polling are retried when retriable (polls are read-only); the job is never submitted twice. A timeout or an
 * interrupt cancels the vendor's job where the API allows.
 */
public final class JobRunner {
    private final PollPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public JobRunner(PollPolicy policy, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.random = Objects.requireNonNull(random);
    }

    public JobRunner(PollPolicy policy) {
        this(policy, Clock.systemUTC(), Sleeper.REAL, RandomGenerator.getDefault());
    }

    public JobStatus.Succeeded run(RemoteJob job, JobListener listener) {
        JobId id = submit(job);
        listener.submitted(id);
        return await(job, id, listener);
    }

    /** Polls an already submitted job, e.g. one found in the journal after a crash. */
    public JobStatus.Succeeded await(RemoteJob job, JobId id, JobListener listener) {
        Instant deadline = clock.instant().plus(policy.timeout());
        for (int attempt = 0; attempt < policy.maxPolls(); attempt++) {
            Duration pause = policy.delay(attempt, random.nextDouble());
            JobStatus status;
            try {
                status = job.poll(id);
            } catch (VendorException e) {
                if (!e.retriable()) throw e;
                pause = max(pause, e.retryAfter().orElse(Duration.ZERO));
                status = null;
            }
            switch (status) {
                case JobStatus.Succeeded done -> {
                    return done;
                }
                case JobStatus.Failed failed -> throw failed.error();
                case JobStatus.Cancelled cancelled ->
                        throw VendorException.of(job.vendor(), Kind.JOB_FAILED, "job " + id.id() + " was cancelled: " + cancelled.reason());
                case JobStatus.Waiting waiting -> listener.waiting(id, waiting);
                case null -> { }
            }
            if (!clock.instant().plus(pause).isBefore(deadline)) break;
            sleep(job, id, pause);
        }
        cancelQuietly(job, id);
        throw VendorException.of(job.vendor(), Kind.TIMED_OUT,
                "job " + id.id() + " did not finish within " + policy.timeout().toSeconds() + " s; it was cancelled where the vendor allows");
    }

    private JobId submit(RemoteJob job) {
        for (int attempt = 0; ; attempt++) {
            try {
                return job.submit();
            } catch (VendorException e) {
                if (attempt >= policy.submitRetries() || !job.safeToResubmit(e)) throw e;
                Duration pause = max(policy.delay(attempt, random.nextDouble()), e.retryAfter().orElse(Duration.ZERO));
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw VendorException.of(job.vendor(), Kind.JOB_FAILED, "interrupted before the job was sent");
                }
            }
        }
    }

    private void sleep(RemoteJob job, JobId id, Duration pause) {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelQuietly(job, id);
            throw VendorException.of(job.vendor(), Kind.JOB_FAILED, "run cancelled; asked the vendor to cancel job " + id.id());
        }
    }

    private static void cancelQuietly(RemoteJob job, JobId id) {
        try {
            job.cancel(id);
        } catch (RuntimeException ignored) {
            // cancelling is a courtesy; the error that matters is the one being reported
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
