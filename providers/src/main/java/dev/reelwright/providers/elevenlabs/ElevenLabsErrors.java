package dev.reelwright.providers.elevenlabs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.RetryAfter;
import dev.reelwright.providers.http.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that maps ElevenLabs' answers to {@link VendorException}s. Validation errors are 422
 * {@code {"detail":[{"loc","msg","type"}]}}; the others {@code {"detail":{"status":"<code>","message"}}}, with the
 * codes {@code invalid_api_key}, {@code quota_exceeded}, {@code voice_not_found},
 * {@code max_character_limit_exceeded}, {@code too_many_concurrent_requests} and {@code system_busy}. Which HTTP
 * status goes with which code is not pinned down (400 or 401 for several), so the code decides first.
 */
final class ElevenLabsErrors {
    static final String VENDOR = ElevenLabsModule.VENDOR;

    private final Secret key;
    private final Clock clock;

    ElevenLabsErrors(Secret key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    VendorException fromReply(HttpReply reply) {
        int http = reply.status();
        JsonNode detail = reply.json().path("detail");
        Duration retryAfter = RetryAfter.from(reply.headers(), clock).orElse(null);
        if (detail.isArray()) return validation(http, detail);
        String code = detail.path("status").asText("");
        String message = clean(detail.isObject() ? detail.path("message").asText("") : detail.isTextual() ? detail.asText() : reply.excerpt());
        String said = (code.isEmpty() ? "" : code + ": ") + message;
        return switch (code) {
            case "invalid_api_key" -> VendorException.badKey(VENDOR, http, key.source());
            case "quota_exceeded" -> VendorException.http(VENDOR, Kind.QUOTA_EXHAUSTED, http,
                    "the account's character quota is used up: " + message, null, null);
            case "voice_not_found" -> VendorException.http(VENDOR, Kind.INVALID_REQUEST, http,
                    "no such voice (use a voice id from your ElevenLabs voice library, not a name): " + message, null, "voice_id");
            case "max_character_limit_exceeded" -> VendorException.http(VENDOR, Kind.INVALID_REQUEST, http,
                    "the text is longer than the model takes in one request: " + message, null, "text");
            case "too_many_concurrent_requests" -> VendorException.http(VENDOR, Kind.RATE_LIMITED, http,
                    "the plan's concurrent-request limit is reached; lower concurrency or wait for a slot: " + message, retryAfter, null);
            case "system_busy" -> VendorException.http(VENDOR, Kind.RATE_LIMITED, http, "ElevenLabs is busy: " + message, retryAfter, null);
            default -> byStatus(http, said, retryAfter, code);
        };
    }

    private VendorException byStatus(int http, String said, Duration retryAfter, String code) {
        if (http == 401) return VendorException.badKey(VENDOR, http, key.source());
        if (http == 403) return VendorException.http(VENDOR, Kind.AUTHENTICATION, http,
                "the key in " + key.source() + " may not do this (check its permissions): " + said, null, null);
        if (http == 429) return VendorException.http(VENDOR, Kind.RATE_LIMITED, http, said, retryAfter, null);
        if (http >= 500) return VendorException.http(VENDOR, Kind.OUTAGE, http, said, retryAfter, null);
        if (code.contains("model")) return VendorException.http(VENDOR, Kind.MODEL_UNAVAILABLE, http, said, null, "model_id");
        return VendorException.http(VENDOR, Kind.INVALID_REQUEST, http, said.isEmpty() ? "request refused" : said, null, null);
    }

    /** 422: name the first failing field, e.g. {@code ["body","text"]} becomes {@code text}. */
    private VendorException validation(int http, JsonNode details) {
        String parameter = null;
        List<String> messages = new ArrayList<>();
        for (JsonNode item : details) {
            List<String> path = new ArrayList<>();
            for (JsonNode part : item.path("loc")) path.add(part.asText());
            if (!path.isEmpty() && List.of("body", "query", "path", "header").contains(path.getFirst())) path.removeFirst();
            String where = String.join(".", path);
            if (parameter == null && !where.isEmpty()) parameter = where;
            messages.add((where.isEmpty() ? "" : where + ": ") + clean(item.path("msg").asText("")));
        }
        return VendorException.http(VENDOR, Kind.INVALID_REQUEST, http, "validation failed: " + String.join("; ", messages), null, parameter);
    }

    /** ElevenLabs does not echo keys, but a message must never carry one, so make sure. */
    private String clean(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        if (!key.reveal().isEmpty()) flat = flat.replace(key.reveal(), "***");
        return flat.length() > 400 ? flat.substring(0, 400) + "…" : flat;
    }
}
