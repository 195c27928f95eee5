package io.passerelle.partnerapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.passerelle.connection.AuthenticatedConnection;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.passerelle.partner.PosVersion;
import io.passerelle.partnerapi.Problem.FieldProblem;
import io.passerelle.reservation.DiningTable;
import io.passerelle.tables.PosTableNames;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.restaurant.RestaurantService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The endpoints of PROTOCOL.md. The restaurant is always the authenticated connection's, never a parameter. */
@RestController
@RequestMapping(path = PartnerApiSecurity.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
class PartnerApiController {

    private static final java.util.Set<String> ENDPOINTS = java.util.Set.of("/ping", "/reservations", "/events",
            "/tables");

    private final RestaurantService restaurants;
    private final PullFeed pullFeed;
    private final PosEventProcessor events;
    private final PosTableNames tableNames;

    PartnerApiController(RestaurantService restaurants, PullFeed pullFeed, PosEventProcessor events,
            PosTableNames tableNames) {
        this.restaurants = restaurants;
        this.pullFeed = pullFeed;
        this.events = events;
        this.tableNames = tableNames;
    }

    record PingReply(int restaurantId, String restaurantName, long connectionId, String partner) {}

    @Operation(summary = "Credential test", description = "Answers who the credentials belong to. A POS that sends "
            + "X-Pos-Version below the partner's minimum gets 422 with what to update.")
    @ApiResponse(responseCode = "200", description = "The credentials are good")
    @ApiResponse(responseCode = "422", description = "POS version below the partner's minimum",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @GetMapping("/ping")
    PingReply ping(@Parameter(hidden = true)
            @RequestAttribute(PosAuthenticationFilter.CONNECTION) AuthenticatedConnection connection,
            @Parameter(description = "The POS software version, such as 2.0.16") @RequestHeader(name = PosAuthenticationFilter.POS_VERSION_HEADER, required = false) String posVersion) {
        if (posVersion != null) {
            PosVersion version = PosVersion.tryParse(posVersion).orElseThrow(() -> Problem.invalidField(
                    PosAuthenticationFilter.POS_VERSION_HEADER, "not a version such as 2.0.16").exception());
            if (!version.isAtLeast(connection.minimumPosVersion())) {
                throw Problem.of(422, "pos-version-too-old", "POS version too old",
                        "This POS runs version " + version + "; this partner needs at least "
                                + connection.minimumPosVersion() + ". Update the POS, then test again.").exception();
            }
        }
        RestaurantRef restaurant = restaurant(connection);
        return new PingReply(restaurant.publicId(), restaurant.name(), connection.connectionId(),
                connection.partnerCode());
    }

    @Operation(summary = "Pull reservations", description = "Reservations whose date falls in [from, to], in change "
            + "order. Pass nextCursor back to get only what changed since. A missed reservation (no-show, refused, "
            + "cancelled) appears once with status MISSED, then never again.")
    @GetMapping("/reservations")
    PullFeed.Page reservations(@Parameter(hidden = true)
            @RequestAttribute(PosAuthenticationFilter.CONNECTION) AuthenticatedConnection connection,
            @Parameter(description = "First day, such as 2026-11-23", schema = @Schema(format = "date"))
            @RequestParam String from,
            @Parameter(description = "Last day, included", schema = @Schema(format = "date")) @RequestParam String to,
            @Parameter(description = "nextCursor of the previous reply") @RequestParam(required = false) String cursor,
            @Parameter(description = "Page size", schema = @Schema(type = "integer", minimum = "1",
                    maximum = "" + PullFeed.MAX_LIMIT)) @RequestParam(required = false) String limit) {
        int pageSize = limit == null ? PullFeed.DEFAULT_LIMIT : parseLimit(limit);
        return pullFeed.page(connection, restaurant(connection), date("from", from), date("to", to),
                cursor == null || cursor.isEmpty() ? null : cursor, pageSize);
    }

    record BatchReply(List<EventAnswer> results) {}

    /**
     * One event, answered 202 with its {@link EventAnswer} (or its problem); or {@code {"events": [...]}},
     * answered 202 with one result per event, in order, each applied or refused on its own.
     */
    @Operation(summary = "Report what happened at the till", description = "One event (answered 202, or with its "
            + "problem) or a batch (answered 202 with one result per event, in order, each applied or refused on its "
            + "own). The same eventId sent again is applied once and answered the same way, however late; except after "
            + "a 409, which depends on the reservation's state, or a 500: the same eventId sent again is evaluated "
            + "again. Only the events enabled on the connection are accepted; any other is refused with 403.")
    @ApiResponse(responseCode = "202", description = "The event was applied (or had been); for a batch, one result "
            + "per event", content = @Content(schema = @Schema(oneOf = {EventAnswer.class, BatchReply.class})))
    @ApiResponse(responseCode = "400", description = "Malformed or invalid, such as an occurredAt more than 30 days "
            + "ago or 2 hours ahead (by default; an eventId applied before gets its stored answer instead)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @ApiResponse(responseCode = "403", description = "An event type not enabled on this connection",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @ApiResponse(responseCode = "404", description = "Unknown reservation", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @ApiResponse(responseCode = "409", description = "The reservation's state does not allow it (e.g. seating one that "
            + "is not confirmed); retry, with the same eventId, once it is fixed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @ApiResponse(responseCode = "415", description = "Not JSON", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @ApiResponse(responseCode = "500", description = "Passerelle could not store the event (nothing of it applied); "
            + "send it again with the same eventId", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @ApiResponse(responseCode = "422", description = "Well-formed but not applicable",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @PostMapping(path = "/events", consumes = MediaType.ALL_VALUE)
    ResponseEntity<?> events(@Parameter(hidden = true)
            @RequestAttribute(PosAuthenticationFilter.CONNECTION) AuthenticatedConnection connection,
            HttpServletRequest request) throws IOException {
        JsonNode body = StrictJson.readTree(jsonBody(request));
        if (body.isObject() && body.has("events")) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new BatchReply(batch(connection, body)));
        }
        PosEventRequest event = events.read(body, "");
        EventAnswer answer = events.process(connection, event);
        if (answer.isAccepted()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
        }
        var problem = new java.util.LinkedHashMap<>(answer.problem());
        problem.put("eventId", answer.eventId());
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record TablesBody(List<String> tables) {}

    @Operation(summary = "The POS's table names, as last sent")
    @GetMapping("/tables")
    TablesBody tables(@Parameter(hidden = true) @RequestAttribute(PosAuthenticationFilter.CONNECTION) AuthenticatedConnection connection) {
        return new TablesBody(tableNames.of(connection.connectionId()));
    }

    @Operation(summary = "Replace the POS's table names", description = "Feeds the table-name mapping: names 1 to "
            + DiningTable.NAME_MAX_LENGTH + " characters, no duplicates, at most " + PosTableNames.MAX_TABLES + ".")
    @PutMapping(path = "/tables", consumes = MediaType.ALL_VALUE)
    TablesBody putTables(@Parameter(hidden = true) @RequestAttribute(PosAuthenticationFilter.CONNECTION) AuthenticatedConnection connection,
            HttpServletRequest request) throws IOException {
        JsonNode body = StrictJson.readTree(jsonBody(request));
        TablesRequest tables = StrictJson.convert(body, TablesRequest.class);
        List<FieldProblem> errors = new ArrayList<>();
        if (tables.tables() == null) {
            errors.add(new FieldProblem("tables", "required"));
        } else if (tables.tables().size() > PosTableNames.MAX_TABLES) {
            errors.add(new FieldProblem("tables", "at most " + PosTableNames.MAX_TABLES + " tables"));
        } else {
            var seen = new HashSet<String>();
            for (int i = 0; i < tables.tables().size(); i++) {
                String name = tables.tables().get(i);
                if (name == null || name.isBlank() || name.length() > DiningTable.NAME_MAX_LENGTH) {
                    errors.add(new FieldProblem("tables[" + i + "]",
                            "must be 1 to " + DiningTable.NAME_MAX_LENGTH + " characters"));
                } else if (!seen.add(name)) {
                    errors.add(new FieldProblem("tables[" + i + "]", "duplicate name"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("Invalid table list", errors).exception();
        }
        tableNames.replace(connection.connectionId(), tables.tables());
        return new TablesBody(tables.tables());
    }

    /**
     * Anything else under the API: a problem, not the UI's page that the catch-all UI servlet would serve. A known
     * path with another method is 405.
     */
    @Hidden
    @RequestMapping("/**")
    void unknown(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + PartnerApiSecurity.BASE.length());
        if (ENDPOINTS.contains(path)) {
            throw Problem.of(405, "method-not-allowed", "Method not allowed",
                    request.getMethod() + " is not allowed on " + path).exception();
        }
        throw Problem.notFound("No such endpoint: see " + PartnerApiSecurity.OPENAPI_PATH).exception();
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record TablesRequest(List<String> tables) {}

    private List<EventAnswer> batch(AuthenticatedConnection connection, JsonNode body) {
        if (body.size() != 1) {
            throw Problem.invalidField("body", "a batch holds only \"events\"").exception();
        }
        JsonNode list = body.get("events");
        if (!list.isArray()) {
            throw Problem.invalidField("events", "must be an array of events").exception();
        }
        if (list.isEmpty()) {
            throw Problem.invalidField("events", "must hold at least one event").exception();
        }
        if (list.size() > PartnerApiSettings.MAX_EVENTS_PER_BATCH) {
            throw Problem.of(413, "too-many-events", "Too many events",
                    "A batch holds at most " + PartnerApiSettings.MAX_EVENTS_PER_BATCH + " events; this one has "
                            + list.size() + ". Send them in several batches.").exception();
        }
        // every event read first: one that cannot be read is answered on its own, the others applied together
        var results = new ArrayList<EventAnswer>(Collections.nCopies(list.size(), (EventAnswer) null));
        var readable = new ArrayList<PosEventRequest>();
        var positions = new ArrayList<Integer>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            try {
                readable.add(events.read(node, ""));
                positions.add(i);
            } catch (PartnerApiException refused) {
                String eventId = node.path("eventId").isString() ? node.path("eventId").stringValue() : null;
                results.set(i, EventAnswer.refused(eventId, refused.problem(), null));
            }
        }
        List<EventAnswer> answers = events.processAll(connection, readable);
        for (int i = 0; i < answers.size(); i++) {
            results.set(positions.get(i), answers.get(i));
        }
        return results;
    }

    /** The body, refused unless JSON and at most 1 MiB: by Content-Length when given, and by counting anyway. */
    private static byte[] jsonBody(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !isJson(contentType)) {
            throw Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json").exception();
        }
        long declared = request.getContentLengthLong();
        if (declared > PartnerApiSettings.MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(PartnerApiSettings.MAX_BODY_BYTES + 1);
            if (body.length > PartnerApiSettings.MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        }
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
        } catch (org.springframework.http.InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    private static PartnerApiException tooLarge() {
        return Problem.tooLarge("The body is larger than 1 MiB (" + PartnerApiSettings.MAX_BODY_BYTES + " bytes)")
                .exception();
    }

    private RestaurantRef restaurant(AuthenticatedConnection connection) {
        return restaurants.findByPublicId(connection.publicId())
                .orElseThrow(() -> Problem.unauthorized("The restaurant no longer exists").exception());
    }

    /** A day the pull may name: ISO dates also spell years like +999999999, whose next day does not exist. */
    private static LocalDate date(String name, String text) {
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            throw Problem.invalidField(name, "must be a date such as 2026-11-23").exception();
        }
        if (day.isBefore(PullFeed.FIRST_DAY) || day.isAfter(PullFeed.LAST_DAY)) {
            throw Problem.invalidField(name, "must be a date from " + PullFeed.FIRST_DAY + " to " + PullFeed.LAST_DAY)
                    .exception();
        }
        return day;
    }

    private static int parseLimit(String text) {
        if (!text.matches("[0-9]{1,4}")) {
            throw Problem.invalidField("limit", "must be a whole number from 1 to " + PullFeed.MAX_LIMIT).exception();
        }
        int limit = Integer.parseInt(text);
        if (limit < 1 || limit > PullFeed.MAX_LIMIT) {
            throw Problem.invalidField("limit", "must be a whole number from 1 to " + PullFeed.MAX_LIMIT).exception();
        }
        return limit;
    }

}
