package dev.reelwright.providers.comfyui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * A tiny HTTP/1.1 server on raw sockets, one request per connection, for answers the JDK HttpServer cannot give: a
 * body shorter than its Content-Length followed by a closed socket (a broken download).
 */
final class RawServer implements AutoCloseable {
    /** An answer; {@code declaredLength} may exceed the body to cut the download short. */
    record Reply(int status, String contentType, byte[] body, long declaredLength) {
        static Reply json(String json) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            return new Reply(200, "application/json", bytes, bytes.length);
        }
    }

    private final ServerSocket socket;

    /** @param handler (method, path with query) -> reply */
    RawServer(BiFunction<String, String, Reply> handler) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                Socket client;
                try {
                    client = socket.accept();
                } catch (IOException closed) {
                    return;
                }
                Thread.ofVirtual().start(() -> serve(client, handler));
            }
        });
    }

    private static void serve(Socket client, BiFunction<String, String, Reply> handler) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = head(in);
            String[] requestLine = head.split("\r\n")[0].split(" ");
            long length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Long.parseLong(line.substring(15).strip());
            }
            in.readNBytes((int) length);
            Reply reply = handler.apply(requestLine[0], requestLine[1]);
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.1 " + reply.status() + " X\r\nContent-Type: " + reply.contentType() + "\r\nContent-Length: " + reply.declaredLength()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(reply.body());
            out.flush();
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            bytes.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
