package io.passerelle.partnerapi;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the response, for the security filter (no controller yet). Sets the status rather
 * than calling sendError: an error dispatch would reach the UI's security chain and redirect to /login.
 */
final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {}

    static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (problem.status() == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Passerelle partner API\", charset=\"UTF-8\"");
        }
        if (problem.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds(problem)));
        }
        response.getOutputStream().write(JSON.writeValueAsBytes(problem.body()));
    }

    /** Whole seconds, rounded up, at least 1. */
    static long retryAfterSeconds(Problem problem) {
        long millis = problem.retryAfter().toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
