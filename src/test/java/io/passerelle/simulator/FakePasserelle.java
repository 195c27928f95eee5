package io.passerelle.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** Passerelle's partner API as far as a test needs it: records every call, answers as scripted (202 by default). */
final class FakePasserelle implements AutoCloseable {

    static final String BASE_PATH = "/api/partner/v1";

    record Call(String method, String path, String query, Headers headers, String body) {

        String header(String name) {
            return headers.getFirst(name);
        }

        JsonNode json() {
            return Json.MAPPER.readTree(body);
        }
    }

    record Answer(int status, Map<String, String> headers, String body, Duration delay) {

        static Answer of(int status, String body) {
            return new Answer(status, Map.of(), body, Duration.ZERO);
        }

        static Answer accepted() {
            return of(202, "{}");
        }

        Answer withHeader(String name, String value) {
            return new Answer(status, Map.of(name, value), body, delay);
        }

        /** Answers only after {@code delay}: longer than the caller's timeout, it is a timeout. */
        Answer after(Duration wait) {
            return new Answer(status, headers, body, wait);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Answer> scripted = new ConcurrentLinkedQueue<>();
    private volatile Answer usualAnswer = Answer.accepted();

    private FakePasserelle() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::record);
        server.start();
    }

    static FakePasserelle start() throws IOException {
        return new FakePasserelle();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH);
    }

    /** The next calls get these answers, in order; after them, the usual answer again. */
    void answerNext(Answer... answers) {
        scripted.addAll(java.util.List.of(answers));
    }

    void answerAlways(Answer answer) {
        usualAnswer = answer;
    }

    /** The next call received, waiting for it up to 10 seconds. */
    Call nextCall() throws InterruptedException {
        Call call = calls.poll(10, TimeUnit.SECONDS);
        assertThat(call).as("a call from the simulator within 10 s").isNotNull();
        return call;
    }

    /** The next call that is not the given one (a duplicate or retry of it is skipped). */
    Call nextCallOtherThan(String eventId) throws InterruptedException {
        Call call = nextCall();
        while (call.body().contains(eventId)) {
            call = nextCall();
        }
        return call;
    }

    /** True when no call arrives within {@code wait}. */
    boolean staysQuietFor(Duration wait) throws InterruptedException {
        return calls.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    private void record(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            calls.add(new Call(exchange.getRequestMethod(), path.substring(BASE_PATH.length()),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body));
            Answer answer = scripted.poll();
            if (answer == null) {
                answer = usualAnswer;
            }
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay());
            }
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.getResponseHeaders().set("Content-Type", answer.status() >= 400
                    ? "application/problem+json" : "application/json");
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
