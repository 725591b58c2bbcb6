package dev.reelwright.providers.fal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.remote.JobId;
import dev.reelwright.core.remote.JobStatus;
import dev.reelwright.core.remote.RemoteJob;
import dev.reelwright.providers.fal.api.QueueStatus;
import dev.reelwright.providers.http.HttpReply;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One request on fal's queue (PROVIDERS.md §1): submit {@code POST /{endpoint_id}} -> {@code request_id} and the
 * status, response and cancel URLs (kept in the {@link JobId}'s handles and used as returned); poll the status URL
 * (HTTP 202 while {@code IN_QUEUE}/{@code IN_PROGRESS}, 200 once {@code COMPLETED}); then GET the response URL once.
 * A failed request also ends {@code COMPLETED}, with {@code error}/{@code error_type}; its result GET answers the
 * error status, which {@link FalErrors} maps. Cancel is {@code PUT} on the cancel URL.
 *
 * <p>The input is built inside {@link #submit()} (building may upload files to fal's CDN), once: a resubmit after a
 * refusal sends the same input without uploading again. The result JSON is kept for seams that need more than the
 * output URL (speech length, a cloned voice id).
 */
final class FalJob implements RemoteJob {
    static final String ENDPOINT = "endpoint";
    static final String STATUS_URL = "status_url";
    static final String RESPONSE_URL = "response_url";
    static final String CANCEL_URL = "cancel_url";

    private final FalClient client;
    private final String endpointId;
    private final Supplier<Object> input;
    private final Function<JsonNode, JobStatus> outcome;
    private Object built;
    private volatile JsonNode result;

    /**
     * @param outcome turns the result JSON into {@link JobStatus.Succeeded} (the file to download) or
     *                {@link JobStatus.Failed} (no usable output)
     */
    FalJob(FalClient client, String endpointId, Supplier<Object> input, Function<JsonNode, JobStatus> outcome) {
        this.client = Objects.requireNonNull(client);
        this.endpointId = Objects.requireNonNull(endpointId);
        this.input = Objects.requireNonNull(input);
        this.outcome = Objects.requireNonNull(outcome);
    }

    @Override
    public String vendor() {
        return FalClient.VENDOR;
    }

    @Override
    public JobId submit() {
        if (built == null) built = input.get();
        QueueStatus submitted = client.submit(endpointId, built);
        String id = submitted.requestId();
        Map<String, String> handles = new HashMap<>();
        handles.put(ENDPOINT, endpointId);
        handles.put(STATUS_URL, client.requestUrl(submitted.statusUrl(), endpointId, id, "/status").toString());
        handles.put(RESPONSE_URL, client.requestUrl(submitted.responseUrl(), endpointId, id, "").toString());
        handles.put(CANCEL_URL, client.requestUrl(submitted.cancelUrl(), endpointId, id, "/cancel").toString());
        return new JobId(FalClient.VENDOR, id, handles);
    }

    @Override
    public JobStatus poll(JobId id) {
        HttpReply reply = client.status(url(id, STATUS_URL, "/status"));
        if (reply.status() != 200 && reply.status() != 202) throw client.error(reply, FalErrors.Call.STATUS, id.id());
        QueueStatus status = QueueStatus.from(reply.json());
        if (status.status() == null) {
            throw VendorException.of(FalClient.VENDOR, Kind.OUTAGE, "status of request " + id.id() + " came without a status: " + reply.excerpt());
        }
        return switch (status.status()) {
            case QueueStatus.IN_QUEUE -> new JobStatus.Waiting(status.queuePosition() == null ? QueueStatus.IN_QUEUE
                    : QueueStatus.IN_QUEUE + " (position " + status.queuePosition() + ")", -1);
            case QueueStatus.COMPLETED -> completed(id, status);
            // IN_PROGRESS, and any state fal adds later: keep waiting; the runner's deadline bounds it.
            default -> new JobStatus.Waiting(status.status(), -1);
        };
    }

    @Override
    public void cancel(JobId id) {
        client.cancel(url(id, CANCEL_URL, "/cancel"), id.id());
    }

    /**
     * fal documents that 5xx answers are not billed ("No charge for server errors: Failed requests that return 5xx
     * status codes are not billed", docs.fal.ai/model-apis/model-endpoints/reliability), and a refused submit returns
     * no request id, so nothing runs: an outage on submit (or on the upload before it, or a connection that never
     * reached fal) may be sent again, as may a 429 (a refusal; fal-js retries 429/502/503/504 too). A lost reply to the
     * submit is STATUS_UNKNOWN and is never resent.
     */
    @Override
    public boolean safeToResubmit(VendorException failure) {
        return failure.kind() == Kind.RATE_LIMITED || failure.kind() == Kind.OUTAGE;
    }

    /** The result JSON of a completed request (null before). */
    JsonNode result() {
        return result;
    }

    private JobStatus completed(JobId id, QueueStatus status) {
        HttpReply reply = client.result(url(id, RESPONSE_URL, ""));
        if (status.failed()) {
            return new JobStatus.Failed(FalErrors.failedJob(id.id(), reply, status.error(), status.errorType(), client.keyVariable(),
                    client.secretValue(), client.context().clock()));
        }
        if (!reply.ok()) {
            VendorException error = client.error(reply, FalErrors.Call.RESULT, id.id());
            if (error.retriable()) throw error; // a hiccup fetching a finished result: poll again
            return new JobStatus.Failed(FalErrors.failedJob(id.id(), reply, null, null, client.keyVariable(), client.secretValue(),
                    client.context().clock()));
        }
        JsonNode body = reply.json();
        result = body;
        return outcome.apply(body);
    }

    private URI url(JobId id, String handle, String suffix) {
        String endpoint = id.handle(ENDPOINT) != null ? id.handle(ENDPOINT) : endpointId;
        return client.requestUrl(id.handle(handle), endpoint, id.id(), suffix);
    }

    /** The outcome most endpoints share: the URL at {@code field.url} (e.g. {@code video.url}) is the file to fetch. */
    static JobStatus file(JsonNode body, String field) {
        return urlAt(body.path(field).path("url"), field + ".url");
    }

    static JobStatus urlAt(JsonNode url, String where) {
        if (!url.isTextual() || url.asText().isBlank()) {
            return new JobStatus.Failed(VendorException.of(FalClient.VENDOR, Kind.BAD_OUTPUT, "the result has no " + where));
        }
        try {
            return new JobStatus.Succeeded(List.of(URI.create(url.asText())));
        } catch (IllegalArgumentException e) {
            return new JobStatus.Failed(VendorException.of(FalClient.VENDOR, Kind.BAD_OUTPUT, "the result's " + where + " is not a URL"));
        }
    }
}
