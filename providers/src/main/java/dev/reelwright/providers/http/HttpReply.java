package dev.reelwright.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.json.Json;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A whole HTTP response: status, headers and body bytes. */
public record HttpReply(int status, HttpHeaders headers, byte[] body) {
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as JSON, or a JSON null when it is not JSON (error pages from proxies often are not). */
    public JsonNode json() {
        try {
            return body.length == 0 ? Json.json().nullNode() : Json.json().readTree(body);
        } catch (IOException e) {
            return Json.json().nullNode();
        }
    }

    /** A short, single-line excerpt of the body for error messages. */
    public String excerpt() {
        String flat = text().replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
