package dev.reelwright.providers.spi;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.model.ProviderSettings;
import dev.reelwright.core.remote.JobListener;
import dev.reelwright.core.remote.JobRunner;
import dev.reelwright.core.remote.PollPolicy;
import dev.reelwright.core.remote.Sleeper;
import dev.reelwright.core.spi.MediaVerifier;
import dev.reelwright.providers.http.Secret;
import dev.reelwright.providers.http.VendorHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Everything an adapter needs from outside, passed in (never read from globals): the environment, the
 * production's per-vendor settings, the HTTP client, the clock and sleeper for poll loops, the media verifier
 * for downloads, and whom to tell a job id as soon as a vendor gives one (the run journal). Tests build one pointing at a fake server with instant sleeps.
 */
public record VendorContext(
        Map<String, String> environment,
        Map<String, ProviderSettings> settings,
        HttpClient httpClient,
        Clock clock,
        Sleeper sleeper,
        RandomGenerator random,
        MediaVerifier verifier,
        JobListener jobs) {

    public VendorContext {
        environment = Map.copyOf(environment);
        settings = Map.copyOf(settings);
        Objects.requireNonNull(httpClient, "httpClient");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(verifier, "verifier");
        jobs = jobs == null ? JobListener.NONE : jobs;
    }

    /** The real world: process environment, system clock, real sleeps. */
    public static VendorContext live(Map<String, ProviderSettings> settings, MediaVerifier verifier) {
        return new VendorContext(System.getenv(), settings, VendorHttp.defaultClient(), Clock.systemUTC(), Sleeper.REAL,
                RandomGenerator.getDefault(), verifier, JobListener.NONE);
    }

    public Optional<String> env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public ProviderSettings settings(String vendor) {
        return settings.getOrDefault(vendor, new ProviderSettings(null, null, null));
    }

    /**
     * The vendor's base URL: production.yaml {@code providers.<vendor>.base_url}, else the environment variable
     * {@code <VENDOR>_BASE_URL}, else the vendor's documented default.
     */
    public URI baseUrl(String vendor, String defaultUrl) {
        String configured = settings(vendor).baseUrl();
        if (configured == null) configured = env(vendor.toUpperCase(Locale.ROOT) + "_BASE_URL").orElse(defaultUrl);
        return URI.create(configured.replaceAll("/+$", ""));
    }

    /** The name of the variable that holds the key: {@code key_env} from production.yaml, else the vendor's usual one. */
    public String keyVariable(String vendor, String usualVariable) {
        String configured = settings(vendor).keyEnv();
        return configured != null ? configured : usualVariable;
    }

    public Optional<Secret> key(String vendor, String usualVariable) {
        String variable = keyVariable(vendor, usualVariable);
        return env(variable).map(value -> new Secret(value, variable));
    }

    /** The key, or an error that says which variable to set. */
    public Secret requireKey(String vendor, String usualVariable) {
        String variable = keyVariable(vendor, usualVariable);
        return key(vendor, usualVariable).orElseThrow(() ->
                new InputException(vendor + ": no API key; set the environment variable " + variable));
    }

    /** How long one HTTP request may take; production.yaml {@code timeout_seconds} sets the whole job's limit. */
    public Duration requestTimeout() {
        return Duration.ofSeconds(60);
    }

    public PollPolicy pollPolicy(String vendor, PollPolicy usual) {
        Integer seconds = settings(vendor).timeoutSeconds();
        return seconds == null ? usual : usual.withTimeout(Duration.ofSeconds(seconds));
    }

    /** A job runner for this vendor, waiting with this context's clock and sleeper. */
    public JobRunner runner(String vendor, PollPolicy usual) {
        return new JobRunner(pollPolicy(vendor, usual), clock, sleeper, random);
    }

    public VendorHttp http(String vendor) {
        return new VendorHttp(vendor, httpClient, requestTimeout());
    }
}
