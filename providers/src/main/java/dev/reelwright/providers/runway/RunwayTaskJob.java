package dev.reelwright.providers.runway;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.remote.JobId;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.providers.runway.api.Task;
import java.net.URI;
import java.util.Set;
import java.util.function.Supplier;

/** One Runway task: submit (image or text to video), poll {@code GET /v1/tasks/{id}}, cancel with {@code DELETE}. */
final class RunwayTaskJob implements RemoteJob {
    /**
     * Statuses Runway documents as load shedding or overload, "May retry? Yes" (docs.dev.runwayml.com/api-details/errors;
     * PROVIDERS.md §4 "502/503 load shedding, 504 overloaded (retry)"), and Runway's own SDK retries them on POSTs.
     * They are refusals before any task exists, so a submit may be sent again. A 500 is not in Runway's table: not
     * resubmitted.
     */
    private static final Set<Integer> LOAD_SHEDDING = Set.of(502, 503, 504);

    private final RunwayClient client;
    private final Supplier<String> create;

    RunwayTaskJob(RunwayClient client, Supplier<String> create) {
        this.client = client;
        this.create = create;
    }

    @Override
    public String vendor() {
        return RunwayModule.VENDOR;
    }

    @Override
    public JobId submit() {
        return new JobId(RunwayModule.VENDOR, create.get());
    }

    @Override
    public JobStatus poll(JobId id) {
        Task task = client.task(id.id());
        return switch (task.status()) {
            case "PENDING", "THROTTLED" -> new JobStatus.Waiting(task.status(), -1);
            case "RUNNING" -> new JobStatus.Waiting(task.status(), task.progress() < 0 ? -1 : Math.clamp(task.progress(), 0, 1));
            case "SUCCEEDED" -> succeeded(id, task);
            case "FAILED" -> new JobStatus.Failed(RunwayErrors.taskFailure(id.id(), task.failureCode(), task.failure()));
            case "CANCELLED" -> new JobStatus.Cancelled("cancelled or deleted on Runway");
            // A status added after 2024-11-06 keeps the poll going; the runner's deadline bounds it.
            default -> new JobStatus.Waiting(task.status().isEmpty() ? "UNKNOWN" : task.status(), -1);
        };
    }

    private static JobStatus succeeded(JobId id, Task task) {
        if (task.output().isEmpty()) {
            return new JobStatus.Failed(VendorException.of(RunwayModule.VENDOR, Kind.BAD_OUTPUT, "task " + id.id() + " succeeded without an output URL"));
        }
        try {
            return new JobStatus.Succeeded(task.output().stream().map(URI::create).toList());
        } catch (IllegalArgumentException e) {
            return new JobStatus.Failed(VendorException.of(RunwayModule.VENDOR, Kind.BAD_OUTPUT, "task " + id.id() + " returned an unusable output URL"));
        }
    }

    @Override
    public void cancel(JobId id) {
        client.delete(id.id());
    }

    @Override
    public boolean safeToResubmit(VendorException failure) {
        return switch (failure.kind()) {
            case RATE_LIMITED -> true; // 429: "May retry? Yes"
            // Load shedding (see above), or a connection that never reached Runway (VendorHttp: OUTAGE without a status).
            case OUTAGE -> failure.httpStatus() == 0 || LOAD_SHEDDING.contains(failure.httpStatus());
            default -> false;
        };
    }
}
