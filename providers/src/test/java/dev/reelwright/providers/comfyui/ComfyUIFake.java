package dev.reelwright.providers.comfyui;

import dev.reelwright.providers.testing.FakeServer;
import dev.reelwright.providers.testing.FakeServer.Answer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A ComfyUI server's answers as the fake gives them (PROVIDERS.md §5, comfyui.yaml): queue items and history entries. */
public final class ComfyUIFake {
    /** The file the fake's SaveVideo node writes. */
    public static final String VIDEO_FILE = "wan_00001_.mp4";

    private ComfyUIFake() {}

    /** {@code GET /queue}: {@code running} (a prompt id, or null) as the one running item, nothing pending. */
    public static String queue(String running) {
        return "{\"queue_running\":[" + (running == null ? "" : "[0,\"" + running + "\",{},{},[\"14\"]]") + "],\"queue_pending\":[]}";
    }

    /** {@code GET /history/{id}} of a run that saved {@link #VIDEO_FILE}, executing for 95 s by its own timestamps. */
    public static String success(String id) {
        return "{\"" + id + "\":{\"prompt\":[1,\"" + id + "\",{},{\"client_id\":\"reelwright\"},[\"14\"]],"
                + "\"outputs\":{\"14\":{\"images\":[{\"filename\":\"" + VIDEO_FILE + "\",\"subfolder\":\"reelwright\",\"type\":\"output\"}],\"animated\":[true]}},"
                + "\"status\":{\"status_str\":\"success\",\"completed\":true,\"messages\":["
                + "[\"execution_start\",{\"prompt_id\":\"" + id + "\",\"timestamp\":1764028800000}],"
                + "[\"execution_cached\",{\"nodes\":[],\"prompt_id\":\"" + id + "\",\"timestamp\":1764028800010}],"
                + "[\"execution_success\",{\"prompt_id\":\"" + id + "\",\"timestamp\":1764028895000}]]},\"meta\":{}}}";
    }

    /**
     * Makes {@code server} a whole ComfyUI that runs whatever prompt it is given: uploads keep their name, a queued
     * prompt (under the id the client chose) is running for one history poll and then has saved {@code video}, which
     * {@code /view} serves. Unknown prompt ids have an empty history, as on a real server.
     */
    public static void serve(FakeServer server, byte[] video) {
        AtomicReference<String> queued = new AtomicReference<>();
        AtomicInteger polls = new AtomicInteger();
        server.on("POST", "/upload/image", request -> {
            String body = request.text();
            int at = body.indexOf("filename=\"") + "filename=\"".length();
            return Answer.json(200, "{\"name\":\"" + body.substring(at, body.indexOf('"', at)) + "\",\"subfolder\":\"\",\"type\":\"input\"}");
        });
        server.on("POST", "/prompt", request -> {
            queued.set(request.json().path("prompt_id").asText());
            return Answer.json(200, "{\"prompt_id\":\"" + queued.get() + "\",\"number\":1,\"node_errors\":{}}");
        });
        server.on("GET", "/queue", request -> Answer.json(200, queue(queued.get() != null && polls.get() < 2 ? queued.get() : null)));
        server.onPrefix("GET", "/history/", request -> {
            String id = request.path().substring("/history/".length());
            boolean done = id.equals(queued.get()) && polls.incrementAndGet() >= 2;
            return Answer.json(200, done ? success(id) : "{}");
        });
        server.on("GET", "/view", Answer.bytes(200, "video/mp4", video));
    }
}
