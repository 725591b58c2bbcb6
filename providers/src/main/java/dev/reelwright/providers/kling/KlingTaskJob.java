package dev.reelwright.providers.kling;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.remote.JobId;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.providers.kling.api.KlingTask;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One Kling task at {@code path}: create, poll {@code GET <path>/<task_id>}. Kling documents no cancel.
 *
 * <p><b>Idempotency.</b> Video tasks carry {@code external_task_id} = a hash of the request (Kling keeps it unique per
 * account and lets a task be queried by it). After a submit whose outcome is unknown (the reply was lost, or Kling
 * answered 5xx), the next submit first looks the id up and adopts the task if it exists, so the runner may send it
 * again without paying twice. A later run of the same request (say after a failed job) finds the earlier task the same
 * way: it is adopted unless it failed, in which case the request is sent as a new generation of the id ({@code -g2},
 * ...). A POST refused as invalid is also checked against the id, since a duplicate {@code external_task_id} is
 * refused with a code we do not know. Lip-sync bodies have no {@code external_task_id} field (PROVIDERS.md §8), so
 * those jobs are not resubmitted after an unknown outcome.
 */
final class KlingTaskJob implements RemoteJob {
    private static final int MAX_GENERATIONS = 8;

    private final KlingClient client;
    private final String path;
    private final Function<String, Object> body;
    private final String baseExternalId;
    private int generation = 1;
    private boolean uncertain;
    private volatile KlingTask finished;

    /**
     * @param body builds the request for an {@code external_task_id} (null when the endpoint takes none)
     * @param identity what makes two requests the same, hashed into the {@code external_task_id}; null for none
     */
    KlingTaskJob(KlingClient client, String path, Function<String, Object> body, Object identity) {
        this.client = client;
        this.path = path;
        this.body = body;
        this.baseExternalId = identity == null ? null : externalId(path, identity);
    }

    @Override
    public String vendor() {
        return KlingModule.VENDOR;
    }

    String externalTaskId() {
        return baseExternalId == null ? null : generation == 1 ? baseExternalId : baseExternalId + "-g" + generation;
    }

    @Override
    public JobId submit() {
        for (int tries = 0; tries < MAX_GENERATIONS; tries++) {
            String external = externalTaskId();
            if (uncertain && external != null) {
                Optional<KlingTask> existing = client.find(path, external);
                uncertain = false;
                if (existing.isPresent()) {
                    if (!existing.get().failed()) return jobId(existing.get().taskId(), external);
                    generation++;
                    continue;
                }
            }
            try {
                return jobId(client.create(path, body.apply(external)), external);
            } catch (VendorException e) {
                if (external == null) throw e;
                if (e.kind() == Kind.STATUS_UNKNOWN || e.kind() == Kind.OUTAGE) {
                    uncertain = true;
                    throw e;
                }
                if (e.kind() == Kind.INVALID_REQUEST) {
                    Optional<KlingTask> existing = client.find(path, external);
                    if (existing.isPresent()) {
                        if (!existing.get().failed()) return jobId(existing.get().taskId(), external);
                        generation++;
                        continue;
                    }
                }
                throw e;
            }
        }
        throw VendorException.of(KlingModule.VENDOR, Kind.JOB_FAILED, "this request already failed " + MAX_GENERATIONS + " times on Kling; change the prompt or image");
    }

    private JobId jobId(String taskId, String external) {
        return new JobId(KlingModule.VENDOR, taskId, external == null ? Map.of("path", path) : Map.of("path", path, "external_task_id", external));
    }

    @Override
    public JobStatus poll(JobId id) {
        String where = id.handle("path") != null ? id.handle("path") : path;
        KlingTask task = client.query(where, id.id());
        return switch (task.status()) {
            case "submitted", "processing" -> new JobStatus.Waiting(task.status(), -1);
            case "succeed" -> succeeded(id, task);
            case "failed" -> new JobStatus.Failed(KlingErrors.taskFailure(id.id(), task.statusMessage()));
            default -> new JobStatus.Waiting(task.status().isEmpty() ? "unknown" : task.status(), -1);
        };
    }

    private JobStatus succeeded(JobId id, KlingTask task) {
        List<URI> urls;
        try {
            urls = task.videos().stream().map(KlingTask.Video::url).filter(url -> !url.isBlank()).map(URI::create).toList();
        } catch (IllegalArgumentException e) {
            urls = List.of();
        }
        if (urls.isEmpty()) {
            return new JobStatus.Failed(VendorException.of(KlingModule.VENDOR, Kind.BAD_OUTPUT, "task " + id.id() + " succeeded without a video URL"));
        }
        finished = task;
        return new JobStatus.Succeeded(urls);
    }

    /** The finished task (its video ids feed lip sync), once a poll has seen it succeed. */
    Optional<KlingTask> finished() {
        return Optional.ofNullable(finished);
    }

    @Override
    public boolean safeToResubmit(VendorException failure) {
        return switch (failure.kind()) {
            case RATE_LIMITED -> true; // 1302/1303: refused before a task exists
            case STATUS_UNKNOWN, OUTAGE -> baseExternalId != null; // the next submit looks the task up first
            default -> false;
        };
    }

    /** "rw-" + 40 hex digits of SHA-256 over the endpoint and the request as sent (without the id itself). */
    static String externalId(String path, Object identity) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(Json.toJson(identity).getBytes(StandardCharsets.UTF_8));
            return "rw-" + HexFormat.of().formatHex(sha.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
