package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;

/**
 * production.yaml {@code providers.<vendor>:} — where a vendor lives and which environment variable holds its key.
 * The key itself never goes in a file: {@code key_env} names the variable. A base URL points an adapter at a proxy
 * or a compatible server.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderSettings(String baseUrl, String keyEnv, Integer timeoutSeconds) {
    public ProviderSettings {
        if (baseUrl != null) {
            URI uri;
            try {
                uri = URI.create(baseUrl.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("base_url '" + baseUrl + "' is not a URL");
            }
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("base_url '" + baseUrl + "' must be an http or https URL");
            }
            baseUrl = baseUrl.strip().replaceAll("/+$", "");
        }
        if (keyEnv != null && !keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("key_env '" + keyEnv + "' is not an environment variable name");
        }
        if (timeoutSeconds != null && (timeoutSeconds < 10 || timeoutSeconds > 24 * 3600)) {
            throw new IllegalArgumentException("timeout_seconds must be 10..86400, got " + timeoutSeconds);
        }
    }
}
