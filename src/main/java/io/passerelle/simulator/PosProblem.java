package io.passerelle.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** An answer other than success, sent as {@code application/problem+json} (RFC 9457), like Passerelle's own. */
final class PosProblem extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    private PosProblem(int status, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.headers = headers;
    }

    static PosProblem of(int status, String detail) {
        return new PosProblem(status, detail, Map.of());
    }

    static PosProblem badRequest(String detail) {
        return of(400, detail);
    }

    static PosProblem unauthorized(String detail) {
        return of(401, detail);
    }

    static PosProblem forbidden(String detail) {
        return of(403, detail);
    }

    static PosProblem notFound(String detail) {
        return of(404, detail);
    }

    static PosProblem conflict(String detail) {
        return of(409, detail);
    }

    static PosProblem unprocessable(String detail) {
        return of(422, detail);
    }

    /** A failure the fault knobs asked for; 429 and 503 say when to come back, as real servers do. */
    static PosProblem simulated(int status, int retryAfterSeconds) {
        Map<String, String> headers = status == 429 || status == 503
                ? Map.of("Retry-After", Integer.toString(retryAfterSeconds))
                : Map.of();
        return new PosProblem(status, "simulated failure (fault knobs)", headers);
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", getMessage());
        return body;
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }
}
