package io.passerelle.partnerapi;

import io.passerelle.shared.database.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every error of the partner API as application/problem+json (RFC 9457), never a stack trace, never a secret. */
@RestControllerAdvice(assignableTypes = PartnerApiController.class)
class PartnerApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PartnerApiExceptionHandler.class);

    @ExceptionHandler
    ResponseEntity<Object> problem(PartnerApiException exception) {
        return respond(exception.problem());
    }

    @ExceptionHandler
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException exception) {
        return respond(Problem.invalidField(exception.getParameterName(), "required"));
    }

    @ExceptionHandler
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException exception) {
        return respond(Problem.invalidField(exception.getHeaderName(), "required"));
    }

    @ExceptionHandler
    ResponseEntity<Object> wrongParameter(MethodArgumentTypeMismatchException exception) {
        return respond(Problem.invalidField(exception.getName(), "wrong type"));
    }

    @ExceptionHandler
    ResponseEntity<Object> wrongMethod(HttpRequestMethodNotSupportedException exception) {
        return respond(Problem.of(405, "method-not-allowed", "Method not allowed",
                exception.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler
    ResponseEntity<Object> wrongContentType(HttpMediaTypeNotSupportedException exception) {
        return respond(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                "Send the body as application/json"));
    }

    @ExceptionHandler
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException exception) {
        return respond(Problem.of(406, "not-acceptable", "Not acceptable",
                "This API answers application/json and application/problem+json"));
    }

    /** A defect of ours: logged in full, answered without details. Or the database away: try again shortly. */
    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception exception) {
        if (DatabaseOutage.is(exception)) {
            log.warn("Partner API request answered 503: the database is out of reach ({})", exception.getMessage());
            return respond(Problem.unavailable());
        }
        log.error("Partner API request failed", exception);
        return respond(Problem.of(500, "internal-error", "Internal error",
                "Passerelle could not process the request; it is safe to retry it"));
    }

    static ResponseEntity<Object> respond(Problem problem) {
        var response = ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(ProblemWriter.retryAfterSeconds(problem)));
        }
        return response.body(problem.body());
    }
}
