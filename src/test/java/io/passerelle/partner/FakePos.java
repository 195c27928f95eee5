package io.passerelle.partner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A push-style POS played by a test: an HTTP server on 127.0.0.1 (never another host) answering the
 * webhook with whatever the test set, and remembering what it received.
 */
public final class FakePos implements AutoCloseable {

    /** One request as the POS saw it; header names in lower case. */
    public record Received(Map<String, String> headers, byte[] body) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "";
    private volatile Map<String, String> headers = Map.of();
    private volatile Duration delay = Duration.ZERO;

    private FakePos() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    public static FakePos start() {
        try {
            return new FakePos();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback URL where nothing listens: the port was free a moment ago. */
    public static String nobodyListening() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/webhook";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FakePos answers(int status, String body, Map<String, String> headers) {
        this.status = status;
        this.body = body;
        this.headers = headers;
        return this;
    }

    public FakePos answers(int status, String body) {
        return answers(status, body, Map.of());
    }

    public FakePos answersAfter(Duration delay) {
        this.delay = delay;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        return received.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> requestHeaders = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(header -> header.getKey().toLowerCase(Locale.ROOT),
                            header -> String.join(",", header.getValue())));
            received.add(new Received(requestHeaders, exchange.getRequestBody().readAllBytes()));
            Thread.sleep(delay.toMillis());
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        handlers.shutdownNow();
        server.stop(0);
    }
}
