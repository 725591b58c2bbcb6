package dev.reelwright.providers.kling;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.Secret;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.kling.api.KlingTask;
import dev.reelwright.providers.spi.VendorContext;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Kling's HTTP API and JSON (PROVIDERS.md §8): create a task with {@code POST <path>}, query it with
 * {@code GET <path>/<task_id or external_task_id>}. Every request carries a fresh JWT built from
 * {@code KLING_ACCESS_KEY} and {@code KLING_SECRET_KEY} with the context's clock.
 */
public final class KlingClient {
    public static final String IMAGE_TO_VIDEO = "/v1/videos/image2video";
    public static final String TEXT_TO_VIDEO = "/v1/videos/text2video";
    public static final String LIP_SYNC = "/v1/videos/lip-sync";

    private final VendorContext context;
    private final VendorHttp http;
    private final URI base;
    private final KlingErrors errors;

    public KlingClient(VendorContext context, URI base) {
        this.context = context;
        this.http = context.http(KlingModule.VENDOR);
        this.base = base;
        this.errors = new KlingErrors(KlingModule.keySetting(context), context.clock());
    }

    /** Creates a task (a paid POST: a lost reply is STATUS_UNKNOWN) and returns its {@code task_id}. */
    public String create(String path, Object body) {
        HttpReply reply = http.postJson(uri(path), headers(), body, false);
        if (!KlingErrors.ok(reply)) throw errors.from(reply);
        String id = reply.json().path("data").path("task_id").asText("");
        if (id.isBlank()) {
            throw VendorException.of(KlingModule.VENDOR, Kind.STATUS_UNKNOWN, "Kling accepted the task but returned no task_id (" + reply.excerpt() + ")");
        }
        return id;
    }

    /** {@code GET <path>/<id>}: the task's state. */
    public KlingTask query(String path, String id) {
        HttpReply reply = http.get(uri(path + "/" + VendorHttp.encode(id)), headers());
        if (!KlingErrors.ok(reply)) throw errors.from(reply);
        return KlingTask.from(reply.json().path("data"));
    }

    /**
     * Looks a task up by the {@code external_task_id} we gave it (Kling's query path takes either id). How Kling
     * answers for an id it does not know is unconfirmed: any 4xx other than an authentication, quota or rate-limit
     * refusal, or an empty {@code data}, counts as "no such task".
     */
    public Optional<KlingTask> find(String path, String externalTaskId) {
        HttpReply reply = http.get(uri(path + "/" + VendorHttp.encode(externalTaskId)), headers());
        if (KlingErrors.ok(reply)) {
            KlingTask task = KlingTask.from(reply.json().path("data"));
            return task.taskId().isBlank() ? Optional.empty() : Optional.of(task);
        }
        VendorException error = errors.from(reply);
        return switch (error.kind()) {
            case INVALID_REQUEST, JOB_FAILED, MODEL_UNAVAILABLE -> Optional.empty();
            default -> throw error;
        };
    }

    private Map<String, String> headers() {
        Secret access = context.requireKey(KlingModule.VENDOR, KlingModule.ACCESS_KEY_VARIABLE);
        Secret secret = context.env(KlingModule.SECRET_KEY_VARIABLE).map(value -> new Secret(value, KlingModule.SECRET_KEY_VARIABLE))
                .orElseThrow(() -> new InputException("kling: no secret key; set the environment variable " + KlingModule.SECRET_KEY_VARIABLE));
        String token = KlingToken.create(access.reveal(), secret.reveal(), context.clock().instant());
        return Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }
}
