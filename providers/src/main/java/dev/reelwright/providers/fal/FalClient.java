package dev.reelwright.providers.fal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.providers.fal.api.QueueStatus;
import dev.reelwright.providers.fal.api.UploadRequest;
import dev.reelwright.providers.fal.api.UploadTicket;
import dev.reelwright.providers.http.HttpReply;
import dev.reelwright.providers.http.Secret;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * fal over HTTP and JSON, nothing else (PROVIDERS.md §1): the queue (submit, status, result, cancel), the CDN upload
 * and the platform's pricing call. Every call to fal's own hosts carries {@code Authorization: Key <FAL_KEY>}; the
 * pre-signed upload URL and the result files get no key.
 *
 * <p>Hosts: the queue is the vendor's base URL ({@code providers.fal.base_url}, else {@code FAL_BASE_URL}, else
 * {@code https://queue.fal.run}). Storage is {@code FAL_STORAGE_URL}, else {@code https://rest.fal.ai}; the platform
 * API is {@code FAL_PLATFORM_URL}, else {@code https://api.fal.ai}. When the queue is pointed somewhere other than fal
 * (a proxy, a fake server) and those variables are unset, storage and platform calls go to that same place, so one
 * setting moves all of fal.
 */
final class FalClient {
    static final String VENDOR = "fal";
    static final String KEY_VARIABLE = "FAL_KEY";
    static final String DEFAULT_QUEUE_URL = "https://queue.fal.run";
    static final String DEFAULT_STORAGE_URL = "https://rest.fal.ai";
    static final String DEFAULT_PLATFORM_URL = "https://api.fal.ai";
    static final String STORAGE_URL_VARIABLE = "FAL_STORAGE_URL";
    static final String PLATFORM_URL_VARIABLE = "FAL_PLATFORM_URL";
    /** fal's single-PUT upload limit; larger files need the multipart flow, which Reelwright does not need. */
    static final long MAX_SINGLE_UPLOAD_BYTES = 90L << 20;

    private final VendorContext context;
    private final VendorHttp http;
    private final URI queue;
    private final URI storage;
    private final URI platform;

    FalClient(VendorContext context) {
        this.context = Objects.requireNonNull(context);
        this.http = context.http(VENDOR);
        this.queue = context.baseUrl(VENDOR, DEFAULT_QUEUE_URL);
        boolean elsewhere = !queue.equals(URI.create(DEFAULT_QUEUE_URL));
        this.storage = host(context, STORAGE_URL_VARIABLE, elsewhere ? queue.toString() : DEFAULT_STORAGE_URL);
        this.platform = host(context, PLATFORM_URL_VARIABLE, elsewhere ? queue.toString() : DEFAULT_PLATFORM_URL);
    }

    URI queueUrl() {
        return queue;
    }

    URI storageUrl() {
        return storage;
    }

    URI platformUrl() {
        return platform;
    }

    VendorHttp http() {
        return http;
    }

    VendorContext context() {
        return context;
    }

    String keyVariable() {
        return context.keyVariable(VENDOR, KEY_VARIABLE);
    }

    /** {@code POST {queue}/{endpoint_id}}: the paid call. A lost reply is STATUS_UNKNOWN, never resent blindly. */
    QueueStatus submit(String endpointId, Object input) {
        Secret key = key();
        HttpReply reply = http.postJson(URI.create(queue + "/" + endpointId), headers(key), input, false);
        if (!reply.ok()) throw error(reply, FalErrors.Call.SUBMIT, endpointId, key);
        QueueStatus status = QueueStatus.from(reply.json());
        if (status.requestId() == null) {
            throw VendorException.of(VENDOR, Kind.STATUS_UNKNOWN, "fal accepted the request to " + endpointId
                    + " (HTTP " + reply.status() + ") but gave no request_id: " + FalErrors.scrub(reply.excerpt(), key.reveal()));
        }
        return status;
    }

    HttpReply status(URI statusUrl) {
        return http.get(statusUrl, headers(key()));
    }

    HttpReply result(URI responseUrl) {
        return http.get(responseUrl, headers(key()));
    }

    /** {@code PUT …/requests/{id}/cancel}: queued requests are removed, running ones get a cancel signal. Best effort. */
    void cancel(URI cancelUrl, String requestId) {
        Secret key = key();
        HttpReply reply = http.sendJson("PUT", cancelUrl, headers(key), null, true);
        if (!reply.ok()) throw error(reply, FalErrors.Call.CANCEL, requestId, key);
    }

    /**
     * Puts a local file on fal's CDN and returns the URL a model input takes: {@code POST {storage}/storage/upload/initiate
     * ?storage_type=fal-cdn-v3} with {@code {"content_type","file_name"}}, then {@code PUT} the raw bytes to the returned
     * pre-signed {@code upload_url} (with Content-Type, without the key). The content type is read from the bytes,
     * since pipeline files are not always named by type (keyframes are {@code keyframe.img}).
     */
    URI upload(Path file) {
        FalMedia.Type type = FalMedia.sniff(file);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ReelwrightException("cannot read " + file + " to upload it to fal: " + e.getMessage(), e);
        }
        if (size > MAX_SINGLE_UPLOAD_BYTES) {
            throw new InputException(file + " is " + size + " bytes; uploads to fal are limited to " + MAX_SINGLE_UPLOAD_BYTES + " bytes here");
        }
        Secret key = key();
        String fileName = FalMedia.fileName(file, type);
        URI initiate = URI.create(storage + "/storage/upload/initiate?storage_type=fal-cdn-v3");
        HttpReply reply = http.postJson(initiate, headers(key), new UploadRequest(type.contentType(), fileName), true);
        if (!reply.ok()) throw error(reply, FalErrors.Call.UPLOAD, fileName, key);
        UploadTicket ticket = UploadTicket.from(reply.json());
        if (!ticket.complete()) {
            throw VendorException.of(VENDOR, Kind.OUTAGE, "fal's upload service answered without upload_url/file_url: " + reply.excerpt());
        }
        URI uploadUrl;
        URI fileUrl;
        try {
            uploadUrl = URI.create(ticket.uploadUrl());
            fileUrl = URI.create(ticket.fileUrl());
        } catch (IllegalArgumentException e) {
            throw VendorException.of(VENDOR, Kind.OUTAGE, "fal's upload service answered a malformed URL");
        }
        HttpRequest.Builder put;
        try {
            put = http.builder(uploadUrl, Map.of("Content-Type", type.contentType())).PUT(HttpRequest.BodyPublishers.ofFile(file));
        } catch (FileNotFoundException e) {
            throw new ReelwrightException("cannot read " + file + " to upload it to fal", e);
        }
        HttpReply stored = http.send(put, true);
        if (!stored.ok()) throw FalErrors.uploadPut(stored);
        return fileUrl;
    }

    /** {@code GET {platform}/v1/models/pricing?endpoint_id=<id>}: authenticated, free, and says what one unit costs. */
    JsonNode pricing(String endpointId) {
        Secret key = key();
        URI uri = URI.create(platform + "/v1/models/pricing?endpoint_id=" + URLEncoder.encode(endpointId, StandardCharsets.UTF_8));
        HttpReply reply = http.get(uri, headers(key));
        if (!reply.ok()) throw error(reply, FalErrors.Call.CHECK, endpointId, key);
        return reply.json();
    }

    VendorException error(HttpReply reply, FalErrors.Call call, String target) {
        return error(reply, call, target, context.key(VENDOR, KEY_VARIABLE).orElse(null));
    }

    private VendorException error(HttpReply reply, FalErrors.Call call, String target, Secret key) {
        return FalErrors.from(reply, call, target, keyVariable(), key == null ? null : key.reveal(), context.clock());
    }

    String secretValue() {
        return context.key(VENDOR, KEY_VARIABLE).map(Secret::reveal).orElse(null);
    }

    /**
     * Where to reach a request: the URL fal returned at submit when it points at the queue host we talk to (so the key
     * never goes to another host), else the documented short form {@code {queue}/[namespace/]owner/alias/requests/{id}}.
     */
    URI requestUrl(String returned, String endpointId, String requestId, String suffix) {
        if (returned != null) {
            try {
                URI uri = URI.create(returned);
                if (sameOrigin(uri, queue)) return uri;
            } catch (IllegalArgumentException ignored) {
                // fall back to the documented form
            }
        }
        return URI.create(queue + "/" + FalEndpoint.appPath(endpointId) + "/requests/" + requestId + suffix);
    }

    private Secret key() {
        return context.requireKey(VENDOR, KEY_VARIABLE);
    }

    private static Map<String, String> headers(Secret key) {
        return Map.of("Authorization", "Key " + key.reveal(), "Accept", "application/json");
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) return uri.getPort();
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static URI host(VendorContext context, String variable, String fallback) {
        String value = context.env(variable).orElse(fallback).replaceAll("/+$", "");
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) throw new IllegalArgumentException();
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InputException(variable + " '" + value + "' is not an http(s) URL");
        }
    }

    /** Reads the first bytes of a file (for type sniffing). */
    static byte[] head(Path file, int bytes) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(bytes);
        } catch (IOException e) {
            throw new ReelwrightException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
