package dev.reelwright.providers.runway;

import dev.reelwright.providers.testing.FakeServer.Answer;

/** Runway's answers as the fake gives them (PROVIDERS.md §4, runway.yaml): the created task's id, and task objects by status. */
public final class RunwayFake {
    public static final String KEY = "key_" + "0123456789abcdef".repeat(8);
    public static final String TASK = "17f20503-6c24-4c16-946b-35dbbce2af2f";

    private RunwayFake() {}

    /** {@code POST /v1/image_to_video} (or text_to_video): {@code {"id"}}. */
    public static Answer created() {
        return Answer.json(200, "{\"id\":\"" + TASK + "\"}");
    }

    /** {@code GET /v1/tasks/{id}}: the task in {@code status}; {@code extra} adds members (",\"progress\":0.4"). */
    public static Answer task(String status, String extra) {
        return Answer.json(200, "{\"id\":\"" + TASK + "\",\"createdAt\":\"2026-11-25T10:00:00.000Z\",\"status\":\"" + status + "\"" + extra + "}");
    }

    /** A SUCCEEDED task whose one output is {@code url}. */
    public static Answer succeeded(String url) {
        return task("SUCCEEDED", ",\"output\":[\"" + url + "\"]");
    }
}
