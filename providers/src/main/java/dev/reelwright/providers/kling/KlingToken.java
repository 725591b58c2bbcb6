package dev.reelwright.providers.kling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Kling's bearer token (PROVIDERS.md §8 "Auth"): a JWT signed HS256 with the secret key, built fresh for every
 * request. Header {@code {"alg":"HS256","typ":"JWT"}}, payload {@code {"iss":<access key>,"exp":now+1800,"nbf":now-5}}
 * (seconds since the epoch, from the context's clock). Written with the JDK's HMAC, no JWT library.
 */
final class KlingToken {
    static final long LIFETIME_SECONDS = 1800;
    static final long CLOCK_SKEW_SECONDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private KlingToken() {}

    static String create(String accessKey, String secretKey, Instant now) {
        ObjectNode header = JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT");
        long seconds = now.getEpochSecond();
        ObjectNode payload = JSON.createObjectNode().put("iss", accessKey).put("exp", seconds + LIFETIME_SECONDS).put("nbf", seconds - CLOCK_SKEW_SECONDS);
        String signingInput = encode(header) + "." + encode(payload);
        return signingInput + "." + BASE64URL.encodeToString(hmac(secretKey, signingInput));
    }

    static byte[] hmac(String secretKey, String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static String encode(ObjectNode json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
