package io.passerelle.partnerapi;

import io.passerelle.connection.AuthenticatedConnection;
import io.passerelle.partner.PartnerEventType;
import io.passerelle.partner.WireIds;
import io.passerelle.partnerapi.PosEventRequest.Bill;
import io.passerelle.partnerapi.Problem.FieldProblem;
import io.passerelle.reservation.PosBill;
import io.passerelle.reservation.PosEventOutcome;
import io.passerelle.reservation.PosEventRejectedException;
import io.passerelle.reservation.PosOrderItem;
import io.passerelle.reservation.PosOrderService;
import io.passerelle.reservation.PosSeating;
import io.passerelle.shared.database.DatabaseOutage;
import io.passerelle.shared.database.DuplicateKey;
import io.passerelle.sync.PayAtTableService;
import io.passerelle.synclog.LogDirection;
import io.passerelle.synclog.LogOutcome;
import io.passerelle.synclog.LogRecord;
import io.passerelle.synclog.SyncLogService;
import io.passerelle.tables.PosTableNames;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what a POS posts to {@code /events} into effects on the reservation book, once per eventId.
 *
 * <p>Each event is all-or-nothing: the answers already stored for its eventId are looked up (one query for a whole
 * batch; a single event, only on a retry: see {@link #process}), its effects applied, and its {@code pos_event} row
 * inserted once, with its answer, before the commit (the rows of a batch as one JDBC batch), all committed together.
 * A batch runs in one transaction when every event of it is accepted, and event by event otherwise
 * ({@link #processAll}). A repeat of the eventId finds the row and gets the stored answer; a repeat within one batch
 * gets the answer of its first occurrence. A twin arriving at the same time meets the first one's row locks (the
 * reservation, the order's unique key, the event's unique key), fails on a unique key once the first commits, and on
 * its retry finds the stored answer: its effects are rolled back.
 *
 * <p>A refused event (403/404/409/422) rolls its effects back and is written to the sync log; its answer is then
 * stored in a transaction of its own, except a 409: that depends on the reservation's state, which may be fixed, and
 * the POS may retry with the same eventId (PROTOCOL.md), which is then evaluated again (an eventId applied before
 * keeps its stored answer, whatever the reservation's state now). An event the database refuses for another reason
 * than a twin (a constraint, say) is answered 500 on its own and logged, and not stored either: the same eventId sent
 * again is evaluated again.
 */
@Component
class PosEventProcessor {

    private static final Logger log = LoggerFactory.getLogger(PosEventProcessor.class);
    /** A repeat's first attempt ends on the event's unique key (it looks for its stored answer only then): one more. */
    private static final int MAX_ATTEMPTS = 4;
    /** The effect of {@code order.items_sent} on a connection with pay at table: the bill is being fetched. */
    private static final String BILL_REQUESTED = "BILL_REQUESTED";
    private static final String NO_CHANGE = PosEventOutcome.Effect.NO_CHANGE.name();
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");
    /** The unique keys a concurrent twin of an event runs into: its own row's, its order's. */
    private static final Set<String> TWIN_KEYS = Set.of("uk_pos_event", "uk_pos_order_external");

    private final PosOrderService orders;
    private final PosTableNames tableNames;
    private final PayAtTableService payAtTable;
    private final SyncLogService syncLog;
    private final Validator validator;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final PartnerApiSettings settings;
    private final EntityManager entityManager;
    private final Clock clock;

    PosEventProcessor(PosOrderService orders, PosTableNames tableNames, PayAtTableService payAtTable,
            SyncLogService syncLog, Validator validator, JdbcClient jdbc, JdbcTemplate batches,
            TransactionTemplate transactions,
            PartnerApiSettings settings, EntityManager entityManager, Clock clock) {
        this.orders = orders;
        this.tableNames = tableNames;
        this.payAtTable = payAtTable;
        this.syncLog = syncLog;
        this.validator = validator;
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.settings = settings;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** One event of the body: the record, or a 400 naming the field (prefixed with {@code path}). */
    PosEventRequest read(JsonNode node, String path) {
        if (!node.isObject()) {
            throw Problem.invalidField(path.isEmpty() ? "body" : path, "must be an event object").exception();
        }
        JsonNode type = node.get("type");
        if (type == null || type.isNull()) {
            throw Problem.invalidField(path + "type", "required").exception();
        }
        Class<? extends PosEventRequest> eventClass = type.isString() ? PosEventRequest.TYPES.get(type.stringValue())
                : null;
        if (eventClass == null) {
            throw new Problem(400, "unknown-event-type", "Unknown event type",
                    "Unknown event type; expected one of " + PosEventRequest.TYPES.keySet().stream().sorted().toList(),
                    List.of(new FieldProblem(path + "type", "unknown event type")), null).exception();
        }
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        fields.remove("type");
        PosEventRequest event;
        try {
            event = StrictJson.convert(fields, eventClass);
        } catch (PartnerApiException invalid) {
            throw prefixed(invalid.problem(), path).exception();
        }
        List<FieldProblem> errors = new ArrayList<>(validator.validate(event).stream()
                .map(violation -> new FieldProblem(path + violation.getPropertyPath(), violation.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList());
        if (event.occurredAt() != null && event.occurredInstant().isEmpty()) {
            errors.add(new FieldProblem(path + "occurredAt",
                    "must be a time with offset such as 2026-11-23T20:30:00+01:00"));
        }
        if (event instanceof Bill bill) {
            errors.addAll(amountsInRange(bill, path));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors.size() + " invalid field(s): " + errors.getFirst().field() + " "
                    + errors.getFirst().message(), errors).exception();
        }
        return event;
    }

    /**
     * Unless the event's occurredAt (read: a time with offset) is within the window of {@link PartnerApiSettings}: what
     * is wrong. Checked once no answer is stored for the eventId ({@link EventWork#answer}): a repeat is answered as
     * stored however late it comes.
     */
    private Optional<String> occurredOutsideWindow(PosEventRequest event) {
        Instant occurred = event.occurredInstant().orElseThrow();
        Instant now = clock.instant();
        if (occurred.isBefore(now.minus(settings.occurredAtMaxAge()))) {
            return Optional.of("must be at most " + settings.occurredAtMaxAge().toDays() + " days ago");
        }
        if (occurred.isAfter(now.plus(settings.occurredAtMaxAhead()))) {
            return Optional.of("must not be more than " + settings.occurredAtMaxAhead().toMinutes()
                    + " minutes ahead of Passerelle's clock; check the till's clock");
        }
        return Optional.empty();
    }

    /**
     * Applies the event unless its eventId was seen: the answer, stored or new. A first attempt does not look for a
     * stored answer, nor for a walk-in's order: a repeat is rare, and its row's unique key (or its order's) refuses
     * the second insert, which rolls the attempt back (its effects with it); the next attempt looks first and answers
     * as stored (or that nothing changed).
     */
    EventAnswer process(AuthenticatedConnection connection, PosEventRequest event) {
        for (int attempt = 1; ; attempt++) {
            boolean lookFirst = attempt > 1;
            try {
                return transactions.execute(status -> {
                    var work = new EventWork(connection, List.of(event), lookFirst);
                    EventAnswer answer = work.answer(event);
                    work.write();
                    return answer;
                });
            } catch (Refusal refusal) {
                return refuse(connection, event, refusal);
            } catch (DataAccessException failure) {
                // This event sent again (its row's unique key), or a twin of it or another event about the same
                // order committed first: look again. The database out of reach: the whole request is answered 503
                // (DatabaseOutage). Any other refusal of the database is no twin's doing: this event's answer
                // alone, so that the other events of a batch still apply.
                if (DatabaseOutage.is(failure)) {
                    throw failure;
                }
                if (!isConcurrentTwin(failure)) {
                    return storageRefused(connection, event, failure);
                }
                if (attempt == MAX_ATTEMPTS) {
                    logFailure(connection, event, 503, "busy",
                            "Other events about the same order kept it busy; the POS was asked to send it again");
                    throw new PartnerApiException(new Problem(503, "busy", "Busy",
                            "Concurrent events about the same order; retry with the same eventId", List.of(),
                            java.time.Duration.ofSeconds(1)));
                }
            }
        }
    }

    /** A lock conflict, or a duplicate of an event's or an order's unique key (V6). */
    private static boolean isConcurrentTwin(DataAccessException failure) {
        return failure instanceof ConcurrencyFailureException
                || failure instanceof DataIntegrityViolationException refused && DuplicateKey.of(refused)
                        .map(DuplicateKey::constraint).filter(TWIN_KEYS::contains).isPresent();
    }

    /**
     * A batch of events, in order, each applied once per eventId: their answers, in the same order. Fast path: all
     * of them in one transaction, one commit and the sync log lines in one JDBC batch. Should any of them be refused,
     * meet a concurrent twin or be refused by the database, that transaction is rolled back whole and the events are
     * processed one by one, each in its own transaction as {@link #process} does: one bad event never spoils the
     * others.
     */
    List<EventAnswer> processAll(AuthenticatedConnection connection, List<PosEventRequest> events) {
        if (events.size() > 1) {
            try {
                return transactions.execute(status -> {
                    var work = new EventWork(connection, events, true);
                    var answers = new ArrayList<EventAnswer>(events.size());
                    for (PosEventRequest event : events) {
                        answers.add(work.answer(event));
                        // Done with this event's entities: Hibernate dirty-checks every managed entity before each
                        // query, which over a batch of a hundred events grew quadratic and took most of its time.
                        entityManager.flush();
                        entityManager.clear();
                    }
                    work.write();
                    return answers;
                });
            } catch (Refusal | PartnerApiException | DataAccessException oneByOne) {
                // what went wrong is found again, and answered, by the event it belongs to; but an outage would
                // only be met again by each of them
                if (DatabaseOutage.is(oneByOne)) {
                    throw oneByOne;
                }
            }
        }
        var answers = new ArrayList<EventAnswer>(events.size());
        for (PosEventRequest event : events) {
            try {
                answers.add(process(connection, event));
            } catch (PartnerApiException refused) {
                answers.add(EventAnswer.refused(event.eventId(), refused.problem(), null));
            }
        }
        return answers;
    }

    /** In the caller's transaction: the effects of an event not answered before; its row is written with the rest. */
    private EventAnswer apply(AuthenticatedConnection connection, PosEventRequest event, EventWork work) {
        requireEnabled(connection, event);
        long restaurantId = connection.restaurantId();
        return switch (event) {
            case PosEventRequest.ItemsSent sent -> EventAnswer.accepted(event.eventId(),
                    payAtTable.itemsSent(restaurantId, connection.connectionId(), sent.table()) ? BILL_REQUESTED
                            : NO_CHANGE, null);
            case PosEventRequest.BookEvent change -> applyToBook(connection, change, work);
        };
    }

    /** The POS sends only the events its connection was set up with (the owner chose them, DOMAIN). */
    private static void requireEnabled(AuthenticatedConnection connection, PosEventRequest event) {
        String type = typeOf(event);
        if (PartnerEventType.fromWireName(type).filter(connection.events()::contains).isEmpty()) {
            throw new Refusal(Problem.of(403, "event-not-enabled", "Event not enabled",
                    type + " is not among the events this connection receives; enable it on the connection in "
                            + "Passerelle, or do not send it"), "event_not_enabled", null);
        }
    }

    private EventAnswer applyToBook(AuthenticatedConnection connection, PosEventRequest.BookEvent event,
            EventWork work) {
        long restaurantId = connection.restaurantId();
        long connectionId = connection.connectionId();
        PosEventOutcome outcome;
        try {
            outcome = switch (event) {
                case PosEventRequest.Attached attached -> orders.seat(restaurantId, connectionId, new PosSeating(
                        reservationId(attached.reservationId(), "reservationId"), attached.orderId(), attached.table(),
                        work.tableId(connection, attached.table()), attached.room(), null,
                        attached.occurredInstant().orElseThrow()));
                case PosEventRequest.Opened opened -> orders.seat(restaurantId, connectionId, new PosSeating(
                        opened.reservationId() == null ? null : reservationId(opened.reservationId(), "reservationId"),
                        opened.orderId(), opened.table(), work.tableId(connection, opened.table()), null, opened.covers(),
                        opened.occurredInstant().orElseThrow()), work.lookFirst);
                case Bill bill -> orders.close(restaurantId, connectionId, bill(bill));
            };
        } catch (PosEventRejectedException rejected) {
            throw new Refusal(problemOf(rejected), rejected.reason().code(),
                    rejected.reservationId());
        }
        if (outcome.tableUnmapped()) {
            work.unmapped.merge(tableNamed(event), 1, Integer::sum);
            work.lines.add(LogRecord.message(restaurantId, LogDirection.IN, typeOf(event))
                    .connection(connectionId, connection.partnerCode())
                    .messageId(event.eventId())
                    .reservation(outcome.reservationId())
                    .outcome(LogOutcome.SUCCESS)
                    .error("unmapped_table", "The POS named a table that stands for no table of the restaurant; link it"
                            + " under Table names"));
        }
        return EventAnswer.accepted(event.eventId(), outcome.effect().name(),
                outcome.reservationId() == null ? null : WireIds.reservation(outcome.reservationId()));
    }

    /**
     * What applying events in one transaction reads and writes once for all of them: the answers stored for their
     * eventIds (one query), the dining tables the POS's table names stand for (one resolution for every name of the
     * batch: a till names the same few tables again and again); then, before the commit, the new events' rows with
     * their answers, the table names that stood for no table, and the sync log lines, a JDBC batch each.
     */
    private final class EventWork {

        private final AuthenticatedConnection connection;
        /** Read what may be known first: the stored answers, a walk-in's order (else their unique keys find them). */
        private final boolean lookFirst;
        /** By eventId: what was answered before, then what this transaction answered, in order. */
        private final Map<String, EventAnswer> answered;
        private final Map<String, PosEventRequest> applied = new LinkedHashMap<>();
        private final Map<String, Optional<Long>> tables;
        private final Map<String, Integer> unmapped = new HashMap<>();
        private final List<LogRecord> lines = new ArrayList<>();

        EventWork(AuthenticatedConnection connection, List<PosEventRequest> events, boolean lookFirst) {
            this.connection = connection;
            this.lookFirst = lookFirst;
            this.answered = lookFirst ? stored(connection, events.stream().map(PosEventRequest::eventId).toList())
                    : new HashMap<>();
            List<String> named = events.stream()
                    .filter(event -> event instanceof PosEventRequest.BookEvent && !answered.containsKey(event.eventId()))
                    .map(PosEventProcessor::tableNamed)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
            this.tables = named.isEmpty() ? new HashMap<>()
                    : new HashMap<>(tableNames.resolveAllForEvents(connection.restaurantId(), connection.connectionId(),
                            named));
        }

        /**
         * The stored answer, or the event applied: once per eventId, however often it comes in this batch. An event
         * whose occurredAt is outside the window is refused with 400, and not stored (nothing of it was applied).
         */
        EventAnswer answer(PosEventRequest event) {
            EventAnswer known = answered.get(event.eventId());
            if (known != null) {
                return known;
            }
            Optional<String> outsideWindow = occurredOutsideWindow(event);
            if (outsideWindow.isPresent()) {
                // a first attempt looks for a stored answer only now: a repeat sent weeks later is rare
                EventAnswer late = (lookFirst ? Optional.<EventAnswer>empty() : stored(connection, event.eventId()))
                        .orElseGet(() -> EventAnswer.refused(event.eventId(),
                                Problem.invalidField("occurredAt", outsideWindow.get()), null));
                answered.put(event.eventId(), late);
                return late;
            }
            EventAnswer answer = apply(connection, event, this);
            answered.put(event.eventId(), answer);
            applied.put(event.eventId(), event);
            return answer;
        }

        /** The dining table the POS means by its table name, as reconciled for this connection; null: none. */
        Long tableId(AuthenticatedConnection connection, String posTable) {
            return posTable == null ? null : tables.computeIfAbsent(posTable,
                    name -> tableNames.resolveAllForEvents(connection.restaurantId(), connection.connectionId(),
                            List.of(name)).get(name)).orElse(null);
        }

        /** Before the commit: what the events of this transaction leave behind, a batch each. */
        void write() {
            insertEvents(connection, applied.values().stream()
                    .map(event -> new EventRow(event, answered.get(event.eventId())))
                    .toList());
            if (!unmapped.isEmpty()) {
                tableNames.recordUnmapped(connection.restaurantId(), connection.connectionId(), unmapped);
            }
            syncLog.recordAll(lines);
        }
    }

    /** A new {@code pos_event} row: the event and the answer it got. */
    private record EventRow(PosEventRequest event, EventAnswer answer) {}

    private static String tableNamed(PosEventRequest event) {
        return switch (event) {
            case PosEventRequest.Attached attached -> attached.table();
            case PosEventRequest.Opened opened -> opened.table();
            case PosEventRequest.ItemsSent sent -> sent.table();
            case Bill bill -> null;
        };
    }

    private PosBill bill(Bill bill) {
        if (!settings.currency().equals(bill.total().currency())
                || bill.items().stream().anyMatch(item -> !settings.currency().equals(item.unitPrice().currency()))) {
            throw new Refusal(Problem.of(422, "wrong-currency", "Wrong currency",
                    "Amounts must be in the restaurant's currency, " + settings.currency()), "wrong_currency", null);
        }
        Long reservationId = bill.reservationId() == null ? null : reservationId(bill.reservationId(), "reservationId");
        List<PosOrderItem> items = bill.items().stream()
                .map(item -> new PosOrderItem(item.name(), item.quantity(), new BigDecimal(item.unitPrice().amount())))
                .toList();
        return new PosBill(bill.orderId(), reservationId, bill.covers(), new BigDecimal(bill.total().amount()),
                bill.total().currency(), items, bill.paymentId(), bill.occurredInstant().orElseThrow());
    }

    /** A malformed id is a 400 (nothing was looked up); a well-formed one of no reservation here, a 404 later. */
    private static long reservationId(String text, String field) {
        return WireIds.parseReservation(text).orElseThrow(() -> Problem.invalidField(field,
                "not a reservation id (r_ and base-36 digits, as Passerelle sends it)").exception());
    }

    private Optional<EventAnswer> stored(AuthenticatedConnection connection, String eventId) {
        return jdbc.sql("select result from pos_event where connection_id = :connection and event_id = :eventId")
                .param("connection", connection.connectionId())
                .param("eventId", eventId)
                .query(String.class)
                .optional()
                .map(json -> StrictJson.MAPPER.readValue(json, EventAnswer.class));
    }

    /** The answers stored for these eventIds of the connection, by eventId: one query (ids compare exactly, V18). */
    private Map<String, EventAnswer> stored(AuthenticatedConnection connection, List<String> eventIds) {
        var answers = new HashMap<String, EventAnswer>();
        jdbc.sql("select event_id, result from pos_event where connection_id = :connection and event_id in (:eventIds)")
                .param("connection", connection.connectionId())
                .param("eventIds", eventIds)
                .query(row -> {
                    answers.put(row.getString(1), StrictJson.MAPPER.readValue(row.getString(2), EventAnswer.class));
                });
        return answers;
    }

    /** The rows of events applied in this transaction, each with its answer, as one JDBC batch. */
    private void insertEvents(AuthenticatedConnection connection, List<EventRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Timestamp receivedAt = Timestamp.from(clock.instant());
        batches.batchUpdate("""
                        insert into pos_event (connection_id, event_id, type, received_at, http_status, result)
                        values (?, ?, ?, ?, ?, ?)
                        """,
                rows.stream().map(row -> new Object[] {connection.connectionId(), row.event().eventId(),
                        typeOf(row.event()), receivedAt, row.answer().status(),
                        StrictJson.MAPPER.writeValueAsString(row.answer())}).toList());
    }

    /**
     * The refusal's answer, stored as the event's (unless it may change, see {@link Refusal#isFinal}) and logged; or
     * the answer stored for the eventId before, which a repeat gets whatever the reservation's state is now.
     */
    private EventAnswer refuse(AuthenticatedConnection connection, PosEventRequest event, Refusal refusal) {
        EventAnswer answer = EventAnswer.refused(event.eventId(), refusal.problem,
                refusal.reservationId == null ? null : WireIds.reservation(refusal.reservationId));
        Optional<EventAnswer> answeredBefore = refusal.isFinal() ? store(connection, event, answer)
                // a first attempt did not look (see process); a 409 is rare, the look cheap
                : stored(connection, event.eventId());
        if (answeredBefore.isPresent()) {
            return answeredBefore.get();
        }
        syncLog.record(LogRecord.rejected(connection.restaurantId(), typeOf(event), refusal.code,
                        refusal.problem.detail())
                .connection(connection.connectionId(), connection.partnerCode())
                .messageId(event.eventId())
                .reservation(refusal.reservationId)
                .http(answer.status(), null, null));
        return answer;
    }

    /**
     * A 500 for an event the database refused, not for a twin's sake: logged (the server log holds the cause, the sync
     * log tells the restaurant), not stored, as the same eventId sent again may well be applied. Unless it was applied
     * before: a first attempt did not look (see process), and a repeat gets its stored answer.
     */
    private EventAnswer storageRefused(AuthenticatedConnection connection, PosEventRequest event,
            DataAccessException failure) {
        Optional<EventAnswer> answeredBefore = stored(connection, event.eventId());
        if (answeredBefore.isPresent()) {
            return answeredBefore.get();
        }
        log.error("Event {} of connection {}: the database refused it", event.eventId(), connection.connectionId(),
                failure);
        var answer = EventAnswer.refused(event.eventId(), Problem.of(500, "storage-refused", "Storage refused",
                "Passerelle could not store this event; send it again with the same eventId later"), null);
        logFailure(connection, event, answer.status(), "storage_refused",
                "The database refused the event's changes; nothing of it was applied");
        return answer;
    }

    /** An event nothing of which was applied, for a reason of Passerelle's: the sync log says so, and why. */
    private void logFailure(AuthenticatedConnection connection, PosEventRequest event, int status, String code,
            String detail) {
        syncLog.record(LogRecord.message(connection.restaurantId(), LogDirection.IN, typeOf(event))
                .connection(connection.connectionId(), connection.partnerCode())
                .messageId(event.eventId())
                .outcome(LogOutcome.FAILED)
                .http(status, null, null)
                .error(code, detail));
    }

    /** In a transaction of its own: the answer stored for the eventId; or, if a twin stored one first, that one. */
    private Optional<EventAnswer> store(AuthenticatedConnection connection, PosEventRequest event, EventAnswer answer) {
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("""
                                insert into pos_event (connection_id, event_id, type, received_at, http_status, result)
                                values (:connection, :eventId, :type, :receivedAt, :status, :result)
                                """)
                        .param("connection", connection.connectionId())
                        .param("eventId", event.eventId())
                        .param("type", typeOf(event))
                        .param("receivedAt", Timestamp.from(clock.instant()))
                        .param("status", answer.status())
                        .param("result", StrictJson.MAPPER.writeValueAsString(answer))
                        .update();
            });
        } catch (DataIntegrityViolationException twinStoredFirst) {
            return Optional.of(transactions.execute(status -> stored(connection, event.eventId())).orElse(answer));
        }
        return Optional.empty();
    }

    private static Problem problemOf(PosEventRejectedException rejected) {
        return switch (rejected.reason()) {
            case RESERVATION_NOT_FOUND -> Problem.of(404, "reservation-not-found", "Reservation not found",
                    "No reservation with this id for this restaurant");
            case RESERVATION_NOT_CONFIRMED -> Problem.of(409, "reservation-not-confirmed", "Reservation not confirmed",
                    rejected.getMessage() + "; send the event again (the same eventId will do) once it is confirmed");
            case ORDER_OF_ANOTHER_RESERVATION -> Problem.of(409, "order-of-another-reservation",
                    "Order belongs to another reservation", rejected.getMessage());
        };
    }

    private static List<FieldProblem> amountsInRange(Bill bill, String path) {
        var errors = new ArrayList<FieldProblem>();
        if (bill.total() != null && exceeds(bill.total().amount())) {
            errors.add(new FieldProblem(path + "total.amount", "must be at most " + MAX_AMOUNT));
        }
        if (bill.items() != null) {
            for (int i = 0; i < bill.items().size(); i++) {
                var item = bill.items().get(i);
                if (item != null && item.unitPrice() != null && exceeds(item.unitPrice().amount())) {
                    errors.add(new FieldProblem(path + "items[" + i + "].unitPrice.amount",
                            "must be at most " + MAX_AMOUNT));
                }
            }
        }
        return errors;
    }

    private static boolean exceeds(String amount) {
        return amount != null && amount.matches(PosEventRequest.AMOUNT_PATTERN)
                && new BigDecimal(amount).compareTo(MAX_AMOUNT) > 0;
    }

    private static Problem prefixed(Problem problem, String path) {
        if (path.isEmpty()) {
            return problem;
        }
        List<FieldProblem> errors = problem.errors().stream()
                .map(error -> new FieldProblem(path + error.field(), error.message()))
                .toList();
        return new Problem(problem.status(), problem.slug(), problem.title(), path + problem.detail(), errors,
                problem.retryAfter());
    }

    static String typeOf(PosEventRequest event) {
        return PosEventRequest.TYPES.entrySet().stream()
                .filter(entry -> entry.getValue() == event.getClass())
                .map(java.util.Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    /** Rolls the event's transaction back; its answer is stored afterwards. */
    private static final class Refusal extends RuntimeException {

        private final transient Problem problem;
        private final String code;
        private final Long reservationId;

        Refusal(Problem problem, String code, Long reservationId) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
            this.code = code;
            this.reservationId = reservationId;
        }

        /** A 409 is not: the reservation's state may be fixed, and the same eventId is then evaluated again. */
        boolean isFinal() {
            return problem.status() != 409;
        }
    }
}
