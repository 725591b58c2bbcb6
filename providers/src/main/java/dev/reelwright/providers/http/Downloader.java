package dev.reelwright.providers.http;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.json.AtomicFiles;
import dev.reelwright.core.spi.MediaVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Fetches a result file a vendor points at, with a size limit and a time limit, and proves it decodes before
 * anyone calls it a clip: a truncated or non-media download is an error, never an asset. Accepts https/http URLs
 * and {@code data:} URIs (Vertex returns videos inline).
 */
public final class Downloader {
    private final VendorHttp http;
    private final MediaVerifier verifier;
    private final long maxBytes;
    private final Duration timeout;

    public Downloader(VendorHttp http, MediaVerifier verifier, long maxBytes, Duration timeout) {
        this.http = http;
        this.verifier = verifier;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    /** Downloads {@code source} into {@code target} (atomically), verifies it as {@code expect}, and says what it holds. */
    public MediaVerifier.Verified fetch(URI source, Map<String, String> headers, Path target, MediaVerifier.Expect expect) {
        Path partial = AtomicFiles.partialFor(target);
        try {
            if ("data".equals(source.getScheme())) {
                writeDataUri(source, partial);
            } else {
                stream(source, headers, partial);
            }
            MediaVerifier.Verified verified;
            try {
                verified = verifier.verify(partial, expect);
            } catch (RuntimeException e) {
                throw VendorException.wrap(http.vendor(), Kind.BAD_OUTPUT, "the downloaded " + expect.name().toLowerCase()
                        + " does not decode (" + e.getMessage() + ")", e);
            }
            AtomicFiles.move(partial, target);
            return verified;
        } catch (IOException e) {
            throw VendorException.wrap(http.vendor(), Kind.BAD_OUTPUT, "cannot store the download: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a stray partial file is harmless
            }
        }
    }

    private void stream(URI source, Map<String, String> headers, Path partial) throws IOException {
        HttpRequest.Builder request = http.builder(source, headers).timeout(timeout).GET();
        HttpResponse<InputStream> response;
        try {
            response = http.client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VendorException.wrap(http.vendor(), Kind.OUTAGE, "download interrupted", e);
        } catch (IOException e) {
            throw VendorException.wrap(http.vendor(), Kind.OUTAGE, "download from " + VendorHttp.origin(source) + " failed: " + e.getMessage(), e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw VendorException.of(http.vendor(), response.statusCode() >= 500 ? Kind.OUTAGE : Kind.BAD_OUTPUT,
                        "download from " + VendorHttp.origin(source) + " answered HTTP " + response.statusCode());
            }
            long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
            if (declared > maxBytes) {
                throw VendorException.of(http.vendor(), Kind.BAD_OUTPUT, "the result is " + declared + " bytes, over the " + maxBytes + " byte limit");
            }
            long copied = 0;
            byte[] buffer = new byte[1 << 16];
            long deadline = System.nanoTime() + timeout.toNanos();
            try (OutputStream out = Files.newOutputStream(partial)) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    copied += read;
                    if (copied > maxBytes) {
                        throw VendorException.of(http.vendor(), Kind.BAD_OUTPUT, "the result is over the " + maxBytes + " byte limit");
                    }
                    if (System.nanoTime() > deadline) {
                        throw VendorException.of(http.vendor(), Kind.BAD_OUTPUT, "the download took longer than " + timeout.toSeconds() + " s");
                    }
                    out.write(buffer, 0, read);
                }
            } catch (IOException e) {
                throw VendorException.wrap(http.vendor(), Kind.BAD_OUTPUT, "the download broke off after " + copied + " bytes", e);
            }
            if (declared >= 0 && copied != declared) {
                throw VendorException.of(http.vendor(), Kind.BAD_OUTPUT, "the download is truncated: " + copied + " of " + declared + " bytes");
            }
        }
    }

    private void writeDataUri(URI source, Path partial) throws IOException {
        String text = source.getSchemeSpecificPart();
        int comma = text.indexOf(',');
        if (comma < 0 || !text.substring(0, comma).endsWith(";base64")) {
            throw VendorException.of(http.vendor(), Kind.BAD_OUTPUT, "an inline result is not base64 data");
        }
        byte[] bytes = Base64.getDecoder().decode(text.substring(comma + 1));
        if (bytes.length > maxBytes) throw VendorException.of(http.vendor(), Kind.BAD_OUTPUT, "the inline result is over the size limit");
        Files.write(partial, bytes);
    }
}
