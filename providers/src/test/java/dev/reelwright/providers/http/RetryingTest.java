package dev.reelwright.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.remote.PollPolicy;
import dev.reelwright.providers.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The shared retry loop: attempt cap, deadline, which refusals are sent again, and how long it waits. */
class RetryingTest {
    private final FakeTime time = new FakeTime();
    private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

    /** Answers in turn: a {@link VendorException} is thrown, anything else returned; counts the sends. */
    private static final class Script implements Supplier<String> {
        final Deque<Object> answers;
        int sends;

        Script(Object... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public String get() {
            sends++;
            Object next = answers.size() > 1 ? answers.poll() : answers.peek();
            if (next instanceof VendorException e) throw e;
            return (String) next;
        }
    }

    private static VendorException refusal(Kind kind, Duration retryAfter) {
        return VendorException.http("v", kind, 429, "refused", retryAfter, null);
    }

    @Test
    void sdkDefaultsWaitWhatTheVendorAskedThenSendAgain() {
        Script send = new Script(refusal(Kind.RATE_LIMITED, Duration.ofSeconds(12)), "ok");

        assertThat(Retrying.sdkDefaults("v", time, time, random).call(send)).isEqualTo("ok");
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(12));
        assertThat(send.sends).isEqualTo(2);
    }

    @Test
    void sdkDefaultsBackOffAboutOneThenTwoSecondsAndStopAfterThreeSends() {
        Script send = new Script(refusal(Kind.OUTAGE, null));

        assertThatThrownBy(() -> Retrying.sdkDefaults("v", time, time, random).call(send))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.OUTAGE));
        assertThat(send.sends).isEqualTo(3);
        assertThat(time.sleeps).hasSize(2);
        assertThat(time.sleeps.get(0)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
        assertThat(time.sleeps.get(1)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
    }

    @Test
    void aRefusalTheRuleDoesNotRetryIsThrownAtOnce() {
        Script send = new Script(refusal(Kind.OUTAGE, null), "ok");

        assertThatThrownBy(() -> Retrying.underPolicy("v", time, time, random, PollPolicy.QUICK, e -> e.kind() == Kind.RATE_LIMITED).call(send))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.OUTAGE));
        assertThat(send.sends).isEqualTo(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void underPolicyWaitsTheLongerOfBackoffAndRetryAfterUpToItsSubmitRetries() {
        Script send = new Script(refusal(Kind.RATE_LIMITED, Duration.ofSeconds(3)));

        assertThatThrownBy(() -> Retrying.underPolicy("v", time, time, random, PollPolicy.QUICK, e -> e.kind() == Kind.RATE_LIMITED).call(send))
                .isInstanceOf(VendorException.class);
        assertThat(send.sends).isEqualTo(PollPolicy.QUICK.submitRetries() + 1);
        assertThat(time.sleeps).hasSize(PollPolicy.QUICK.submitRetries()).allSatisfy(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds(3)));
    }

    @Test
    void underPolicyGivesUpRatherThanWaitPastItsDeadline() {
        Script send = new Script(refusal(Kind.RATE_LIMITED, Duration.ofSeconds(40)), "ok");
        PollPolicy policy = PollPolicy.QUICK.withTimeout(Duration.ofSeconds(30));

        assertThatThrownBy(() -> Retrying.underPolicy("v", time, time, random, policy, e -> e.kind() == Kind.RATE_LIMITED).call(send))
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED));
        assertThat(send.sends).isEqualTo(1);
        assertThat(time.sleeps).isEmpty();
    }
}
