package dev.reelwright.providers.google;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.http.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a Veo route authenticates with. The Gemini API key, and a Vertex AI access token given in
 * {@code GOOGLE_VERTEX_ACCESS_TOKEN}, are fixed for the run. Vertex AI access tokens expire (an hour by default, per
 * {@code gcloud auth print-access-token --help}), so a long run can name a command instead, in
 * {@code GOOGLE_VERTEX_ACCESS_TOKEN_COMMAND} (e.g. {@code gcloud auth print-access-token}): it is run when the first
 * request needs a token, again once that token is {@value #REFRESH_MINUTES} minutes old, and again when Vertex AI
 * answers 401 (the request is then sent once more with the new token).
 *
 * <p>The command line is split at white space and run without a shell (as Google's own executable-sourced
 * credentials run theirs), with {@value #TIMEOUT_SECONDS} s to finish; its standard output, stripped, is the token.
 * The token is never logged: a failure names the variable, the exit status and the command's first line of errors.
 */
public final class GoogleCredential {
    public static final String COMMAND_VARIABLE = "GOOGLE_VERTEX_ACCESS_TOKEN_COMMAND";
    static final int REFRESH_MINUTES = 50;
    static final int TIMEOUT_SECONDS = 30;
    /** How many tokens it has handed out are kept, to scrub them from any message. */
    private static final int REMEMBERED = 3;

    private final Secret fixed;
    private final List<String> command;
    private final Clock clock;
    private final Deque<String> issued = new ArrayDeque<>();
    private Secret token;
    private Instant fetchedAt;

    private GoogleCredential(Secret fixed, List<String> command, Clock clock) {
        this.fixed = fixed;
        this.command = command;
        this.clock = clock;
        if (fixed != null) issued.add(fixed.reveal());
    }

    /** A key or token that stays as given for the whole run. */
    public static GoogleCredential fixed(Secret secret) {
        return new GoogleCredential(secret, null, null);
    }

    /** A token printed by {@code commandLine}, fetched lazily and again when old or refused. */
    public static GoogleCredential command(String commandLine, Clock clock) {
        List<String> words = Arrays.stream(commandLine.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
        if (words.isEmpty()) throw new IllegalArgumentException(COMMAND_VARIABLE + " is empty");
        return new GoogleCredential(null, words, clock);
    }

    /** Where the credential comes from, for messages: the variable's name, never its value. */
    public String source() {
        return fixed != null ? fixed.source() : "the token printed by " + COMMAND_VARIABLE;
    }

    /** Whether a refused token can be replaced by running the command again. */
    public boolean refreshable() {
        return command != null;
    }

    /** The credential to send now: the fixed one, else the command's token, fetched if there is none or it is old. */
    public synchronized Secret current() {
        if (fixed != null) return fixed;
        if (token == null || !clock.instant().isBefore(fetchedAt.plus(Duration.ofMinutes(REFRESH_MINUTES)))) fetch();
        return token;
    }

    /**
     * {@code rejected} was refused (401): returns whether a different credential is now there to retry with. Runs
     * the command again unless another request already replaced that token; a fixed credential has no other.
     */
    public synchronized boolean renew(Secret rejected) {
        if (command == null) return false;
        if (token != null && !token.reveal().equals(rejected.reveal())) return true;
        fetch();
        return !token.reveal().equals(rejected.reveal());
    }

    /** {@code text} with every credential this has handed out replaced by {@code ***}. */
    public synchronized String redact(String text) {
        String clean = text;
        for (String value : issued) if (!value.isEmpty()) clean = clean.replace(value, "***");
        return clean;
    }

    private void fetch() {
        String printed = run();
        if (printed.isEmpty() || printed.chars().anyMatch(Character::isWhitespace)) {
            throw VendorException.of(VeoSettings.VENDOR, Kind.AUTHENTICATION, COMMAND_VARIABLE + " printed "
                    + (printed.isEmpty() ? "nothing" : "more than one word") + "; it must print an access token and nothing else");
        }
        token = new Secret(printed, source());
        fetchedAt = clock.instant();
        issued.addLast(printed);
        while (issued.size() > REMEMBERED) issued.removeFirst();
    }

    private String run() {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
            process.getOutputStream().close(); // nothing to read on its standard input
        } catch (IOException e) {
            throw VendorException.wrap(VeoSettings.VENDOR, Kind.AUTHENTICATION, COMMAND_VARIABLE + ": cannot run '" + command.getFirst()
                    + "' (" + e.getMessage() + ")", e);
        }
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw VendorException.of(VeoSettings.VENDOR, Kind.AUTHENTICATION, COMMAND_VARIABLE + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String printed = new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                String why = redact(new String(err.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip().lines().findFirst().orElse("no message"));
                if (!printed.isEmpty()) why = why.replace(printed, "***");
                throw VendorException.of(VeoSettings.VENDOR, Kind.AUTHENTICATION, COMMAND_VARIABLE + " failed (exit " + process.exitValue()
                        + "): " + (why.length() > 200 ? why.substring(0, 200) + "…" : why));
            }
            return printed;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw VendorException.wrap(VeoSettings.VENDOR, Kind.AUTHENTICATION, "interrupted while " + COMMAND_VARIABLE + " ran", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw VendorException.wrap(VeoSettings.VENDOR, Kind.AUTHENTICATION, "cannot read what " + COMMAND_VARIABLE + " printed", e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }, Thread::startVirtualThread);
    }
}
