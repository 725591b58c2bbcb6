package dev.reelwright.providers.google;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.google.GoogleErrors.Call;
import dev.reelwright.providers.google.api.FetchPredictOperationRequest;
import dev.reelwright.providers.google.api.VeoOperation;
import dev.reelwright.providers.google.api.VeoRequest;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.Secret;
import dev.reelwright.providers.http.VendorHttp;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Veo over HTTP and JSON only, on either route.
 *
 * <p>Vertex AI: {@code POST /v1/projects/{p}/locations/{l}/publishers/google/models/{model}:predictLongRunning}, then
 * {@code POST …/{model}:fetchPredictOperation {"operationName"}} (read-only, so sent as idempotent). The Python SDK
 * uses {@code /v1beta1}; Google's REST reference and samples use {@code /v1}, which is what this client sends.
 * Auth: {@code Authorization: Bearer <access token>}; a 401 is sent once more when {@link GoogleCredential} can renew the token.
 *
 * <p>Gemini API: {@code POST /v1beta/models/{model}:predictLongRunning}, then {@code GET /v1beta/{operation name}}, and
 * the result through {@code GET /v1beta/files/{id}:download?alt=media}. Auth: {@code x-goog-api-key}.
 *
 * <p>Neither API exposes cancelling a Veo operation (the SDK has no cancel for videos), so this client has none.
 */
final class GoogleClient {
    private static final Pattern VERTEX_OPERATION = Pattern.compile("(projects/[^/]+/locations/[^/]+/publishers/google/models/[^/]+)/operations/[A-Za-z0-9_.-]+");
    private static final Pattern GEMINI_OPERATION = Pattern.compile("models/[A-Za-z0-9_.-]+/operations/[A-Za-z0-9_.-]+");
    /** The Files API id in a result URI, as the SDK extracts it (t_file_name: the [a-z0-9]+ run after "files/"). */
    private static final Pattern FILE_ID = Pattern.compile("files/([a-z0-9]+)");

    private final VendorHttp http;
    private final VeoSettings settings;
    private final GoogleErrors errors;

    GoogleClient(VendorHttp http, VeoSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.errors = new GoogleErrors(settings, clock);
    }

    VeoSettings settings() {
        return settings;
    }

    GoogleErrors errors() {
        return errors;
    }

    /** Starts a generation; returns the operation's name (the job id). */
    String start(String model, VeoRequest body) {
        URI uri = switch (settings.route()) {
            case VERTEX -> uri("/v1/" + vertexModel(model) + ":predictLongRunning");
            case GEMINI -> uri("/v1beta/models/" + VendorHttp.encode(model) + ":predictLongRunning");
        };
        // A 401 is a refusal before any work, so sending the paid create again with a fresh token is safe.
        HttpReply reply = authorized(headers -> http.postJson(uri, headers, body, false));
        if (!reply.ok()) throw errors.fromReply(reply, Call.SUBMIT, model);
        String name = reply.json().path("name").asText("");
        if (name.isEmpty()) {
            throw VendorException.of(VeoSettings.VENDOR, Kind.STATUS_UNKNOWN, "Google accepted the request but named no operation: " + reply.excerpt());
        }
        return name;
    }

    /** One status request for an operation. */
    VeoOperation fetch(String model, String operation) {
        HttpReply reply = switch (settings.route()) {
            case VERTEX -> {
                Matcher matcher = VERTEX_OPERATION.matcher(operation);
                String resource = matcher.matches() ? matcher.group(1) : vertexModel(model);
                yield authorized(headers -> http.postJson(uri("/v1/" + resource + ":fetchPredictOperation"), headers,
                        new FetchPredictOperationRequest(operation), true));
            }
            case GEMINI -> {
                if (!GEMINI_OPERATION.matcher(operation).matches()) {
                    throw VendorException.of(VeoSettings.VENDOR, Kind.JOB_FAILED, "'" + operation + "' is not a Gemini API operation name");
                }
                yield authorized(headers -> http.get(uri("/v1beta/" + operation), headers));
            }
        };
        if (!reply.ok()) throw errors.fromReply(reply, Call.POLL, model);
        return VeoOperation.from(reply.json());
    }

    /**
     * Where to download a finished video from: inline bytes become a {@code data:} URI; a {@code gs://} object is
     * read through the Cloud Storage XML API with the same bearer token (the token's account needs read access to
     * the bucket); a Gemini Files API URI is rewritten to {@code /v1beta/files/{id}:download?alt=media} on the
     * configured base, as the SDK does.
     */
    URI resultUri(VeoOperation.Video video) {
        if (video.bytesBase64Encoded() != null) {
            String mime = video.mimeType() == null || !video.mimeType().matches("[a-z]+/[a-z0-9.+-]+") ? "video/mp4" : video.mimeType();
            return URI.create("data:" + mime + ";base64," + video.bytesBase64Encoded());
        }
        if (video.gcsUri() != null) {
            String path = video.gcsUri().substring("gs://".length());
            int slash = path.indexOf('/');
            if (!video.gcsUri().startsWith("gs://") || slash <= 0) {
                throw VendorException.of(VeoSettings.VENDOR, Kind.BAD_OUTPUT, "the result '" + video.gcsUri() + "' is not a gs://bucket/object URI");
            }
            StringBuilder encoded = new StringBuilder(VendorHttp.encode(path.substring(0, slash)));
            for (String part : path.substring(slash + 1).split("/", -1)) encoded.append('/').append(VendorHttp.encode(part));
            return URI.create(settings.storageBase() + "/" + encoded);
        }
        if (video.uri() != null) {
            Matcher matcher = FILE_ID.matcher(video.uri());
            if (!matcher.find()) {
                throw VendorException.of(VeoSettings.VENDOR, Kind.BAD_OUTPUT, "cannot find a file id in the result URI");
            }
            return uri("/v1beta/files/" + matcher.group(1) + ":download?alt=media");
        }
        throw VendorException.of(VeoSettings.VENDOR, Kind.BAD_OUTPUT, "a result video names no file");
    }

    /** The credential header for this route, with the credential to send now: the downloads (Cloud Storage, Files API) need it too. */
    Map<String, String> authHeaders() {
        return headers(settings.credential().current());
    }

    private Map<String, String> headers(Secret credential) {
        return switch (settings.route()) {
            case VERTEX -> Map.of("Authorization", "Bearer " + credential.reveal());
            case GEMINI -> Map.of("x-goog-api-key", credential.reveal());
        };
    }

    /** Sends with the current credential; on a 401, once more if the credential could be renewed (a token command run again). */
    private HttpReply authorized(Function<Map<String, String>, HttpReply> send) {
        Secret used = settings.credential().current();
        HttpReply reply = send.apply(headers(used));
        if (reply.status() == 401 && settings.credential().renew(used)) reply = send.apply(authHeaders());
        return reply;
    }

    /**
     * One cheap authenticated read: the publisher model resource on Vertex AI, the model list on the Gemini API.
     * Returns a line saying what answered.
     */
    String check(String model) {
        return switch (settings.route()) {
            case VERTEX -> {
                HttpReply reply = authorized(headers -> http.get(uri("/v1/publishers/google/models/" + VendorHttp.encode(model)), headers));
                if (!reply.ok()) throw errors.fromReply(reply, Call.CHECK, model);
                yield "Vertex AI (" + settings.project() + ", " + settings.location() + ") knows " + reply.json().path("name").asText(model);
            }
            case GEMINI -> {
                HttpReply reply = http.get(uri("/v1beta/models"), authHeaders());
                if (!reply.ok()) throw errors.fromReply(reply, Call.CHECK, "models");
                JsonNode models = reply.json().path("models");
                long veo = 0;
                for (JsonNode m : models) if (m.path("name").asText("").contains("veo")) veo++;
                yield "Gemini API lists " + models.size() + " models (" + veo + " Veo)";
            }
        };
    }

    private String vertexModel(String model) {
        return "projects/" + VendorHttp.encode(settings.project()) + "/locations/" + VendorHttp.encode(settings.location())
                + "/publishers/google/models/" + VendorHttp.encode(model);
    }

    private URI uri(String path) {
        return URI.create(settings.base() + path);
    }
}
