package dev.reelwright.providers.http;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP seam every adapter shares: JSON or raw bodies out, whole replies back, and transport failures turned
 * into {@link VendorException}s that say whether a paid request may exist. It never looks at statuses: each
 * vendor's own error mapper does that, in one place.
 */
public final class VendorHttp {
    private final String vendor;
    private final HttpClient client;
    private final Duration requestTimeout;

    public VendorHttp(String vendor, HttpClient client, Duration requestTimeout) {
        this.vendor = Objects.requireNonNull(vendor);
        this.client = Objects.requireNonNull(client);
        this.requestTimeout = Objects.requireNonNull(requestTimeout);
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public String vendor() {
        return vendor;
    }

    public HttpClient client() {
        return client;
    }

    public HttpReply get(URI uri, Map<String, String> headers) {
        return send(builder(uri, headers).GET().build(), true);
    }

    public HttpReply delete(URI uri, Map<String, String> headers) {
        return send(builder(uri, headers).DELETE().build(), true);
    }

    /** POSTs a JSON body. {@code idempotent} is false for paid submissions: a lost reply then means "status unknown". */
    public HttpReply postJson(URI uri, Map<String, String> headers, Object body, boolean idempotent) {
        return sendJson("POST", uri, headers, body, idempotent);
    }

    public HttpReply sendJson(String method, URI uri, Map<String, String> headers, Object body, boolean idempotent) {
        HttpRequest request = builder(uri, headers)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.toJson(body)))
                .build();
        return send(request, idempotent);
    }

    public HttpReply send(HttpRequest.Builder request, boolean idempotent) {
        return send(request.timeout(requestTimeout).build(), idempotent);
    }

    public HttpRequest.Builder builder(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("User-Agent", "reelwright");
        headers.forEach(builder::header);
        return builder;
    }

    private HttpReply send(HttpRequest request, boolean idempotent) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new HttpReply(response.statusCode(), response.headers(), response.body());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            // Nothing reached the vendor: safe to try again later.
            throw VendorException.wrap(vendor, Kind.OUTAGE, "cannot connect to " + origin(request.uri()) + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (HttpTimeoutException e) {
            throw VendorException.wrap(vendor, idempotent ? Kind.OUTAGE : Kind.STATUS_UNKNOWN,
                    "no answer from " + origin(request.uri()) + " within " + requestTimeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw VendorException.wrap(vendor, idempotent ? Kind.OUTAGE : Kind.STATUS_UNKNOWN,
                    "connection to " + origin(request.uri()) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VendorException.wrap(vendor, idempotent ? Kind.OUTAGE : Kind.STATUS_UNKNOWN, "interrupted", e);
        }
    }

    /** Percent-encodes one path segment or query value (a space as %20, which both accept, not URLEncoder's '+'). */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Scheme, host and port only: paths and queries can carry signed tokens. */
    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
