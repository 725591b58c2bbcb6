package dev.reelwright.providers.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.http.Secret;
import dev.reelwright.providers.testing.FakeTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** GOOGLE_VERTEX_ACCESS_TOKEN_COMMAND: run lazily, again when the token is 50 minutes old or refused, never shown. */
@DisabledOnOs(OS.WINDOWS)
class GoogleCredentialTest {
    @TempDir Path dir;
    private final FakeTime time = new FakeTime();

    @Test
    void runsTheCommandOnFirstUseAndAgainOnceTheTokenIsFiftyMinutesOld() throws Exception {
        GoogleCredential credential = GoogleCredential.command(GoogleFake.tokenCommand(dir), time);
        assertThat(GoogleFake.tokenRuns(dir)).isZero(); // nothing runs until a request needs a token

        assertThat(credential.current().reveal()).isEqualTo("ya29.fresh-1");
        time.sleep(Duration.ofMinutes(49).plusSeconds(59));
        assertThat(credential.current().reveal()).isEqualTo("ya29.fresh-1");
        time.sleep(Duration.ofSeconds(1));
        assertThat(credential.current().reveal()).isEqualTo("ya29.fresh-2");
        assertThat(GoogleFake.tokenRuns(dir)).isEqualTo(2);
        assertThat(credential.current().toString()).doesNotContain("ya29");
    }

    @Test
    void aRefusedTokenIsReplacedOnceEvenWhenManyRequestsSawItRefused() {
        GoogleCredential credential = GoogleCredential.command(GoogleFake.tokenCommand(dir), time);
        Secret first = credential.current();

        assertThat(credential.renew(first)).isTrue();
        assertThat(credential.renew(first)).isTrue(); // another request refused the same token: no second run
        assertThat(credential.current().reveal()).isEqualTo("ya29.fresh-2");
        assertThat(GoogleFake.tokenRuns(dir)).isEqualTo(2);
        assertThat(credential.redact("a ya29.fresh-1 and a ya29.fresh-2")).isEqualTo("a *** and a ***");
    }

    @Test
    void aFixedTokenCannotBeRenewed() {
        GoogleCredential credential = GoogleCredential.fixed(new Secret("ya29.given", "GOOGLE_VERTEX_ACCESS_TOKEN"));

        assertThat(credential.renew(credential.current())).isFalse();
        assertThat(credential.refreshable()).isFalse();
        assertThat(credential.source()).isEqualTo("GOOGLE_VERTEX_ACCESS_TOKEN");
    }

    @Test
    void aFailingCommandIsAnAuthenticationErrorWithItsFirstErrorLine() throws Exception {
        Path script = Files.writeString(dir.resolve("fail.sh"), "echo 'ERROR: (gcloud.auth.print-access-token) Reauthentication required.' >&2\nexit 1\n");
        GoogleCredential credential = GoogleCredential.command("sh " + script, time);

        assertThatThrownBy(credential::current).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
            assertThat(e.getMessage()).contains("GOOGLE_VERTEX_ACCESS_TOKEN_COMMAND failed (exit 1)").contains("Reauthentication required");
        });
    }

    @Test
    void aCommandThatPrintsNothingOrMoreThanATokenIsRefused() throws Exception {
        Path silent = Files.writeString(dir.resolve("silent.sh"), "exit 0\n");
        Path chatty = Files.writeString(dir.resolve("chatty.sh"), "echo 'Your token is ya29.abc'\n");

        assertThatThrownBy(GoogleCredential.command("sh " + silent, time)::current).hasMessageContaining("printed nothing");
        assertThatThrownBy(GoogleCredential.command("sh " + chatty, time)::current).hasMessageContaining("more than one word")
                .hasMessageNotContaining("ya29.abc");
    }

    @Test
    void aCommandThatCannotStartSaysWhich() {
        assertThatThrownBy(GoogleCredential.command("/no/such/gcloud auth print-access-token", time)::current)
                .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.getMessage()).contains("cannot run '/no/such/gcloud'"));
    }
}
