package dev.reelwright.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class JobRunnerTest {
    /** A clock that moves only when the runner sleeps, so poll loops run instantly and deterministically. */
    static final class FakeTime extends Clock implements Sleeper {
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** A scripted job: submit answers, then poll answers, in order. */
    static final class ScriptedJob implements RemoteJob {
        final Deque<Object> submits = new ArrayDeque<>();
        final Deque<Object> polls = new ArrayDeque<>();
        int submitted;
        int cancelled;

        @Override
        public String vendor() {
            return "acme";
        }

        @Override
        public JobId submit() {
            submitted++;
            Object next = submits.removeFirst();
            if (next instanceof VendorException e) throw e;
            return (JobId) next;
        }

        @Override
        public JobStatus poll(JobId id) {
            Object next = polls.isEmpty() ? new JobStatus.Waiting("RUNNING", -1) : polls.removeFirst();
            if (next instanceof VendorException e) throw e;
            return (JobStatus) next;
        }

        @Override
        public void cancel(JobId id) {
            cancelled++;
        }
    }

    private final FakeTime time = new FakeTime();
    private final PollPolicy policy = new PollPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 2, 0.0, 100, Duration.ofMinutes(2), 3);
    private final JobRunner runner = new JobRunner(policy, time, time, RandomGenerator.of("L64X128MixRandom"));
    private final JobStatus.Succeeded done = new JobStatus.Succeeded(List.of(URI.create("https://cdn.example/v.mp4")));

    @Test
    void journalsTheIdThenPollsWithBackoffUntilDone() {
        var job = new ScriptedJob();
        job.submits.add(new JobId("acme", "job-1"));
        job.polls.addAll(List.of(new JobStatus.Waiting("IN_QUEUE", -1), new JobStatus.Waiting("RUNNING", 0.5), done));
        List<String> events = new ArrayList<>();
        JobStatus.Succeeded result = runner.run(job, new JobListener() {
            @Override
            public void submitted(JobId id) {
                events.add("submitted " + id.id());
            }

            @Override
            public void waiting(JobId id, JobStatus.Waiting status) {
                events.add(status.state());
            }
        });
        assertThat(result).isEqualTo(done);
        assertThat(events).containsExactly("submitted job-1", "IN_QUEUE", "RUNNING");
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aRateLimitedSubmitWaitsRetryAfterAndTriesAgainButAnOutageDoesNot() {
        var job = new ScriptedJob();
        job.submits.add(VendorException.http("acme", Kind.RATE_LIMITED, 429, "slow down", Duration.ofSeconds(7), null));
        job.submits.add(new JobId("acme", "job-2"));
        job.polls.add(done);
        assertThat(runner.run(job, JobListener.NONE)).isEqualTo(done);
        assertThat(job.submitted).isEqualTo(2);
        assertThat(time.sleeps.getFirst()).isEqualTo(Duration.ofSeconds(7));

        var unknown = new ScriptedJob();
        unknown.submits.add(VendorException.http("acme", Kind.OUTAGE, 502, "bad gateway", null, null));
        assertThatThrownBy(() -> runner.run(unknown, JobListener.NONE)).isInstanceOf(VendorException.class);
        assertThat(unknown.submitted).isEqualTo(1); // a 502 on submit may have created a paid job: never resubmit blindly
    }

    @Test
    void transientPollErrorsAreRetriedWithoutResubmitting() {
        var job = new ScriptedJob();
        job.submits.add(new JobId("acme", "job-3"));
        job.polls.addAll(List.of(VendorException.http("acme", Kind.OUTAGE, 503, "busy", Duration.ofSeconds(5), null), done));
        assertThat(runner.run(job, JobListener.NONE)).isEqualTo(done);
        assertThat(job.submitted).isEqualTo(1);
        assertThat(time.sleeps.getFirst()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aFailedJobIsReportedAndAJobThatNeverEndsTimesOutAndIsCancelled() {
        var failing = new ScriptedJob();
        failing.submits.add(new JobId("acme", "job-4"));
        failing.polls.add(new JobStatus.Failed(VendorException.of("acme", Kind.CONTENT_POLICY, "refused")));
        assertThatThrownBy(() -> runner.run(failing, JobListener.NONE)).isInstanceOf(VendorException.class)
                .satisfies(e -> assertThat(((VendorException) e).kind()).isEqualTo(Kind.CONTENT_POLICY));

        var endless = new ScriptedJob();
        endless.submits.add(new JobId("acme", "job-5"));
        assertThatThrownBy(() -> runner.run(endless, JobListener.NONE)).isInstanceOf(VendorException.class)
                .satisfies(e -> assertThat(((VendorException) e).kind()).isEqualTo(Kind.TIMED_OUT));
        assertThat(endless.cancelled).isEqualTo(1);
        assertThat(Duration.between(Instant.parse("2026-11-25T00:00:00Z"), time.now)).isLessThanOrEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void delaysGrowToTheCapWithBoundedJitter() {
        var jittery = new PollPolicy(Duration.ofSeconds(2), Duration.ofSeconds(15), 1.5, 0.2, 10, Duration.ofMinutes(1), 0);
        assertThat(jittery.delay(0, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(jittery.delay(20, 0.5)).isEqualTo(Duration.ofSeconds(15));
        assertThat(jittery.delay(20, 0.0)).isEqualTo(Duration.ofSeconds(12));
        assertThat(jittery.delay(20, 0.999)).isLessThan(Duration.ofSeconds(18));
    }
}
