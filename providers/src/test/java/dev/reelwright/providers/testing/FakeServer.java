package dev.reelwright.providers.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelwright.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A vendor stand-in on loopback port 0 (JDK HttpServer, no mock library): tests register answers per method and
 * path, and every request is recorded so tests can assert the exact method, path, headers and body sent.
 * Answers for the same route are served in order; the last one repeats.
 */
public final class FakeServer implements AutoCloseable {
    /** A request as the vendor saw it. Header names are lower-case. */
    public record Recorded(String method, String path, String query, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return Json.json().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** An answer: status, headers, body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public static Answer json(int status, String json) {
            return new Answer(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer bytes(int status, String contentType, byte[] body) {
            return new Answer(status, Map.of("Content-Type", contentType), body);
        }

        public Answer withHeader(String name, String value) {
            var copy = new TreeMap<>(headers);
            copy.put(name, value);
            return new Answer(status, copy, body);
        }
    }

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<Function<Recorded, Answer>>> routes = Collections.synchronizedMap(new TreeMap<>());
    private final Map<String, Integer> served = Collections.synchronizedMap(new TreeMap<>());
    private final Map<String, Function<Recorded, Answer>> prefixes = Collections.synchronizedMap(new TreeMap<>());

    public FakeServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code method path} (path without query) with these answers in turn. */
    public FakeServer on(String method, String path, Answer... answers) {
        List<Function<Recorded, Answer>> list = new ArrayList<>();
        for (Answer answer : answers) list.add(request -> answer);
        routes.put(method + " " + path, list);
        return this;
    }

    /** Answers {@code method path} by computing the answer from the request. */
    public FakeServer on(String method, String path, Function<Recorded, Answer> answer) {
        routes.put(method + " " + path, List.of(answer));
        return this;
    }

    /**
     * Answers every {@code method} request whose path starts with {@code prefix} and has no exact route, for paths
     * that carry an id the code under test chooses (a ComfyUI prompt id, say).
     */
    public FakeServer onPrefix(String method, String prefix, Function<Recorded, Answer> answer) {
        prefixes.put(method + " " + prefix, answer);
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public List<Recorded> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), headers, exchange.getRequestBody().readAllBytes());
            requests.add(request);
            String key = request.method() + " " + request.path();
            List<Function<Recorded, Answer>> answers = routes.get(key);
            Answer answer;
            if (answers == null) {
                answer = byPrefix(key).map(route -> route.apply(request))
                        .orElseGet(() -> Answer.json(404, "{\"error\":\"no fake route for " + key + "\"}"));
            } else {
                int index = served.merge(key, 1, Integer::sum) - 1;
                answer = answers.get(Math.min(index, answers.size() - 1)).apply(request);
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) exchange.getResponseBody().write(answer.body());
        }
    }

    private Optional<Function<Recorded, Answer>> byPrefix(String key) {
        synchronized (prefixes) {
            return prefixes.entrySet().stream().filter(route -> key.startsWith(route.getKey()))
                    .max(Comparator.comparingInt(route -> route.getKey().length())).map(Map.Entry::getValue);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
