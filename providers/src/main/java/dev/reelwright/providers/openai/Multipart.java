package dev.reelwright.providers.openai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/** A multipart/form-data body (RFC 7578): text fields and file parts, in the order added. */
final class Multipart {
    private final String boundary;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart(RandomGenerator random) {
        this.boundary = "reelwright-" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    }

    Multipart field(String name, String value) {
        head("Content-Disposition: form-data; name=\"" + quote(name) + "\"\r\n");
        write(value.getBytes(StandardCharsets.UTF_8));
        write("\r\n");
        return this;
    }

    Multipart file(String name, String filename, String contentType, byte[] content) {
        head("Content-Disposition: form-data; name=\"" + quote(name) + "\"; filename=\"" + quote(filename) + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n");
        write(content);
        write("\r\n");
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(body.toByteArray());
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private void head(String headers) {
        write("--" + boundary + "\r\n" + headers + "\r\n");
    }

    private void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) {
        body.writeBytes(bytes);
    }

    private static String quote(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
    }
}
