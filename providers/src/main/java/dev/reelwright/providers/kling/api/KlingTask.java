package dev.reelwright.providers.kling.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code data} of Kling's task envelope {@code {"code":0,"message","request_id","data":{...}}}, read leniently.
 *
 * @param status submitted, processing, succeed or failed
 */
public record KlingTask(String taskId, String status, String statusMessage, String externalTaskId, List<Video> videos) {
    public KlingTask {
        videos = List.copyOf(videos);
    }

    public record Video(String id, String url, String duration) {}

    public static KlingTask from(JsonNode data) {
        List<Video> videos = new ArrayList<>();
        for (JsonNode video : data.path("task_result").path("videos")) {
            videos.add(new Video(video.path("id").asText(""), video.path("url").asText(""), video.path("duration").asText("")));
        }
        JsonNode message = data.path("task_status_msg");
        return new KlingTask(data.path("task_id").asText(""), data.path("task_status").asText(""),
                message.isTextual() ? message.asText() : null, data.path("task_info").path("external_task_id").asText(null), videos);
    }

    public boolean failed() {
        return status.equals("failed");
    }
}
