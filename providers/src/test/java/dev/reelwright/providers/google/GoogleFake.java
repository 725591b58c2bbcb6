package dev.reelwright.providers.google;

import dev.reelwright.providers.testing.FakeServer.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Veo's answers as the fake gives them on both routes (PROVIDERS.md §3, google-veo.yaml): Vertex AI's
 * {@code predictLongRunning} / {@code fetchPredictOperation} under a project and location, and the Gemini API's
 * operations polled by name with the video in the Files API.
 */
public final class GoogleFake {
    public static final String TOKEN = "ya29.test-access-token-0123456789";
    public static final String GEMINI_KEY = "gm-test-key-abcdefghijklmnop";
    public static final String PROJECT = "demo-project";
    public static final String LOCATION = "us-central1";

    private GoogleFake() {}

    /**
     * A {@code GOOGLE_VERTEX_ACCESS_TOKEN_COMMAND} for tests: a shell script in {@code dir} that prints
     * {@code ya29.fresh-1} on its first run, {@code ya29.fresh-2} on its second, and so on (POSIX {@code sh}).
     */
    public static String tokenCommand(Path dir) {
        try {
            Path script = Files.writeString(dir.resolve("print-token.sh"), """
                    n=$(cat "$0.runs" 2>/dev/null || echo 0)
                    n=$((n + 1))
                    echo "$n" > "$0.runs"
                    echo "ya29.fresh-$n"
                    """);
            return "sh " + script.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How often the {@link #tokenCommand} in {@code dir} has run. */
    public static int tokenRuns(Path dir) {
        try {
            Path runs = dir.resolve("print-token.sh.runs");
            return Files.exists(runs) ? Integer.parseInt(Files.readString(runs).strip()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Google answers a stale or bad access token with. */
    public static Answer unauthenticated() {
        return Answer.json(401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials. Expected OAuth 2 access token,"
                + " login cookie or other valid authentication credential.\",\"status\":\"UNAUTHENTICATED\",\"details\":[]}}");
    }

    /** {@code /v1/projects/{p}/locations/{l}/publishers/google/models/{model}}: append {@code :predictLongRunning} or {@code :fetchPredictOperation}. */
    public static String vertexModelPath(String model) {
        return "/v1/projects/" + PROJECT + "/locations/" + LOCATION + "/publishers/google/models/" + model;
    }

    /** The operation name Vertex AI answers a create with. */
    public static String vertexOperation(String model) {
        return vertexModelPath(model).substring("/v1/".length()) + "/operations/3f1c2a7e-0000-4000-8000-00000000abcd";
    }

    /** A named operation (the create's answer). */
    public static String operation(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    public static String running(String name) {
        return "{\"name\":\"" + name + "\",\"done\":false}";
    }

    /** Vertex AI's finished operation with the video inline (no {@code storageUri} was given). */
    public static String doneInline(String name, byte[] video) {
        return "{\"name\":\"" + name + "\",\"done\":true,\"response\":{\"@type\":\"type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse\","
                + "\"raiMediaFilteredCount\":0,\"videos\":[{\"bytesBase64Encoded\":\"" + Base64.getEncoder().encodeToString(video)
                + "\",\"mimeType\":\"video/mp4\"}]}}";
    }

    /** {@code models/{model}/operations/{id}}, the Gemini API's operation name. */
    public static String geminiOperation(String model) {
        return "models/" + model + "/operations/op7x2k9q";
    }

    /** The Gemini API's finished operation: one sample whose video lives in the Files API as {@code files/{fileId}}. */
    public static String geminiDone(String name, String fileId) {
        return "{\"name\":\"" + name + "\",\"done\":true,\"response\":{\"@type\":\"type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse\","
                + "\"generateVideoResponse\":{\"generatedSamples\":[{\"video\":{\"uri\":\"https://generativelanguage.googleapis.com/v1beta/files/"
                + fileId + ":download?alt=media\"}}]}}}";
    }
}
