package dev.reelwright.providers.kling;

import dev.reelwright.providers.testing.FakeServer.Answer;

/** Kling's answers as the fake gives them (PROVIDERS.md §8): the {@code {"code","message","request_id","data"}} envelope around a task. */
public final class KlingFake {
    public static final String ACCESS = "ak-test-access-key";
    public static final String SECRET = "sk-test-secret-key-0123456789";

    private KlingFake() {}

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
