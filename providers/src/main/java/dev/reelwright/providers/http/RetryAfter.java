package dev.reelwright.providers.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long a vendor asked us to wait: {@code retry-after-ms} (OpenAI), then {@code Retry-After} as seconds or as an
 * HTTP date (RFC 9110 §10.2.3). Absurd values are capped so one header cannot stall a run for hours.
 */
public final class RetryAfter {
    private static final Duration CAP = Duration.ofMinutes(10);

    private RetryAfter() {}

    public static Optional<Duration> from(HttpHeaders headers, Clock clock) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(cap(Duration.ofMillis(Math.round(Double.parseDouble(millis.get().strip())))));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        Optional<String> value = headers.firstValue("retry-after");
        if (value.isEmpty()) return Optional.empty();
        String text = value.get().strip();
        try {
            return Optional.of(cap(Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), when.toInstant());
                return Optional.of(cap(wait.isNegative() ? Duration.ZERO : wait));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Duration cap(Duration wait) {
        return wait.compareTo(CAP) > 0 ? CAP : (wait.isNegative() ? Duration.ZERO : wait);
    }
}
