package dev.reelwright.providers.google;

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
