package dev.reelwright.providers.kling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.json.Json;
import dev.reelwright.providers.testing.FakeServer.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Kling's answers as the fake gives them (PROVIDERS.md §8): the {@code {"code","message","request_id","data"}} envelope around a task. */
public final class KlingFake {
    public static final String ACCESS = "ak-test-access-key";
    public static final String SECRET = "sk-test-secret-key-0123456789";

    private KlingFake() {}

    /**
     * The payload of {@code Authorization: Bearer <jwt>} once its HS256 signature checks out with {@link #SECRET}
     * and its header is {@code {"alg":"HS256","typ":"JWT"}}; an assertion error otherwise.
     */
    public static JsonNode verifiedPayload(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) throw new AssertionError("not a bearer token: " + authorization);
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) throw new AssertionError("not a JWT");
        try {
            JsonNode header = Json.json().readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!header.path("alg").asText().equals("HS256") || !header.path("typ").asText().equals("JWT")) throw new AssertionError("header " + header);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) throw new AssertionError("bad signature");
            return Json.json().readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public static Answer envelope(String data) {
        return Answer.json(200, "{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"req-1\",\"data\":" + data + "}");
    }

    /** The create's answer: the task, {@code submitted}. */
    public static Answer submitted(String taskId) {
        return envelope("{\"task_id\":\"" + taskId + "\",\"task_status\":\"submitted\",\"created_at\":1722769557708,\"updated_at\":1722769557708}");
    }

    /** A query's answer: the task in {@code status}; {@code extra} adds members. */
    public static Answer status(String taskId, String status, String extra) {
        return envelope("{\"task_id\":\"" + taskId + "\",\"task_status\":\"" + status + "\"" + extra + ",\"created_at\":1722769557708,\"updated_at\":1722769557708}");
    }

    /** A finished task whose one video ({@code videoId}, 5 s) is at {@code url}. */
    public static Answer succeed(String taskId, String videoId, String url) {
        return status(taskId, "succeed", ",\"task_status_msg\":\"\",\"task_result\":{\"videos\":[{\"id\":\"" + videoId + "\",\"url\":\""
                + url + "\",\"duration\":\"5\"}]}");
    }
}
