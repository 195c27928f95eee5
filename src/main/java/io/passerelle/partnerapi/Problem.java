package io.passerelle.partnerapi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem as the partner API answers it: {@code type} is {@value #TYPE_BASE}{@code <slug>}. Details
 * are written for the POS developer and never contain a secret.
 *
 * @param retryAfter for 429 and 503: when to try again, or null
 */
record Problem(int status, String slug, String title, String detail, List<FieldProblem> errors,
        Duration retryAfter) {

    static final String TYPE_BASE = "https://passerelle.io/problems/";
    static final String MEDIA_TYPE = "application/problem+json";

    /** One field that is wrong, named by its JSON path ({@code items[2].quantity}). */
    record FieldProblem(String field, String message) {}

    Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, slug, title, detail, List.of(), null);
    }

    static Problem invalid(String detail, List<FieldProblem> errors) {
        return new Problem(400, "invalid-request", "Invalid request", detail, errors, null);
    }

    static Problem invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    static Problem malformed(String detail) {
        return of(400, "malformed-json", "Malformed JSON", detail);
    }

    static Problem unauthorized(String detail) {
        return of(401, "unauthorized", "Authentication required", detail);
    }

    static Problem tooLarge(String detail) {
        return of(413, "payload-too-large", "Payload too large", detail);
    }

    static Problem notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    /** The database out of reach for the moment ({@code DatabaseOutage}): a restarting server is back within seconds. */
    static Problem unavailable() {
        return new Problem(503, "unavailable", "Temporarily unavailable",
                "Passerelle cannot reach its database for the moment; send the same request again shortly (an event"
                        + " with the same eventId: it is applied once)", List.of(), Duration.ofSeconds(5));
    }

    PartnerApiException exception() {
        return new PartnerApiException(this);
    }

    /** The JSON body, in RFC 9457 member order. */
    Map<String, Object> body() {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", TYPE_BASE + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }
}
