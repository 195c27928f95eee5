package io.passerelle.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/** Small helpers around the JDK's {@link HttpExchange}: JSON in and out, problem details, path segments. */
final class Exchanges {

    private static final Logger log = LoggerFactory.getLogger(Exchanges.class);
    static final int MAX_BODY_BYTES = 1024 * 1024;

    /** A handler that may fail with a {@link PosProblem} (or any exception) instead of writing the answer itself. */
    @FunctionalInterface
    interface Route {
        void handle(HttpExchange exchange) throws Exception;
    }

    private Exchanges() {}

    /**
     * Runs the route and turns what it throws into problem details: a PosProblem as it says, malformed JSON
     * as 400, anything else as 500 (logged). The exchange is always closed.
     */
    static HttpHandler guarded(Route route) {
        return exchange -> {
            // Not try-with-resources: that would close the exchange before the catch blocks could answer.
            try {
                route.handle(exchange);
            } catch (PosProblem problem) {
                sendProblem(exchange, problem);
            } catch (JacksonException malformed) {
                sendProblem(exchange, PosProblem.badRequest(readableCause(malformed)));
            } catch (Exception unexpected) {
                log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), unexpected);
                sendProblem(exchange, PosProblem.of(500, "the till failed: " + unexpected));
            } finally {
                exchange.close();
            }
        };
    }

    static void requireMethod(HttpExchange exchange, String method) {
        if (!exchange.getRequestMethod().equalsIgnoreCase(method)) {
            exchange.getResponseHeaders().set("Allow", method);
            throw PosProblem.of(405, exchange.getRequestMethod() + " is not allowed here, use " + method);
        }
    }

    /** The segments after {@code prefix}, decoded: {@code /installations/a/tables/T 1/bill} gives a, tables, T 1, bill. */
    static List<String> segmentsAfter(HttpExchange exchange, String prefix) {
        String path = exchange.getRequestURI().getRawPath();
        if (!path.startsWith(prefix)) {
            return List.of();
        }
        return Arrays.stream(path.substring(prefix.length()).split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
    }

    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /** The request body, refusing more than {@link #MAX_BODY_BYTES} with a 413. */
    static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw PosProblem.of(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        }
    }

    /** The body as JSON; an empty body reads as {@code {}}. */
    static <T> T readJson(HttpExchange exchange, Class<T> type) throws IOException {
        byte[] body = readBody(exchange);
        return Json.MAPPER.readValue(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body, type);
    }

    static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", Json.MAPPER.writeValueAsBytes(body));
    }

    static void sendProblem(HttpExchange exchange, PosProblem problem) throws IOException {
        problem.headers().forEach(exchange.getResponseHeaders()::set);
        send(exchange, problem.status(), "application/problem+json", Json.MAPPER.writeValueAsBytes(problem.body()));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** A record's own validation message (e.g. "errorRate must be between 0 and 1") rather than Jackson's wrapping. */
    private static String readableCause(JacksonException malformed) {
        Throwable cause = malformed.getCause();
        return cause instanceof IllegalArgumentException ? cause.getMessage()
                : "malformed JSON: " + malformed.getOriginalMessage();
    }
}
