package io.passerelle.partnerapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.passerelle.connection.AuthenticatedConnection;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.partner.WireIds;
import io.passerelle.reservation.DiningTable;
import io.passerelle.reservation.FeedPosition;
import io.passerelle.reservation.FeedProgress;
import io.passerelle.reservation.Guest;
import io.passerelle.reservation.MissedOverridden;
import io.passerelle.reservation.PosReservationFeed;
import io.passerelle.reservation.PosTableNameResolver;
import io.passerelle.reservation.Reservation;
import io.passerelle.restaurant.RestaurantRef;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET /reservations}: a restaurant's reservations in a date window, in change order (updatedAt, id), from
 * an opaque cursor on ({@link PullCursor}: it holds its window, so days the window slid onto are served in full).
 * Missed reservations (no-show, refused, cancelled) are served to a connection as MISSED until it acknowledges
 * them by passing back a cursor that covers them, and never again (DOMAIN rule 5) unless staff un-park it.
 */
@Component
class PullFeed {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final int MAX_WINDOW_DAYS = 93;
    /** The days a window may name: any reservation book's, with room for date arithmetic on either side. */
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
    static final String MISSED = "MISSED";

    private final PosReservationFeed feed;
    private final PosTableNameResolver tableNames;
    private final PartnerCatalogue catalogue;
    private final JdbcClient jdbc;
    private final PartnerApiSettings settings;
    private final Clock clock;

    PullFeed(PosReservationFeed feed, PosTableNameResolver tableNames, PartnerCatalogue catalogue, JdbcClient jdbc,
            PartnerApiSettings settings, Clock clock) {
        this.feed = feed;
        this.tableNames = tableNames;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    record Page(List<WireReservation> reservations, String nextCursor) {}

    @Transactional
    Page page(AuthenticatedConnection connection, RestaurantRef restaurant, LocalDate from, LocalDate to,
            String cursor, int limit) {
        if (to.isBefore(from)) {
            throw Problem.invalidField("to", "must not be before from").exception();
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_WINDOW_DAYS) {
            throw Problem.invalidField("to", "the window may span at most " + MAX_WINDOW_DAYS + " days").exception();
        }
        FeedProgress progress = FeedProgress.start(from, to);
        if (cursor != null) {
            FeedProgress passedBack = PullCursor.decode(cursor, from, to);
            acknowledgeMissed(connection, restaurant, passedBack);
            // days the cursor's window did not cover (the window slid to a new day) are served in full
            progress = passedBack.forWindow(from, to);
        }
        boolean withTable = catalogue.byCode(connection.partnerCode())
                .map(PartnerDescriptor::takesTableAssignments).orElse(false);
        // Only rows changed at least `settle` ago: a transaction that commits late may carry an updatedAt older
        // than rows already served, and a cursor past it would skip it for ever. Waiting until such transactions
        // have committed keeps the order by (updatedAt, id) a safe place to continue from.
        Instant settledBefore = clock.instant().minus(settings.settle());
        var served = new ArrayList<WireReservation>();
        var missedServed = new ArrayList<Reservation>();
        FeedPosition reached = FeedPosition.START;
        boolean exhausted = false;
        while (!exhausted && served.size() < limit) {
            progress = progress.after(reached, false);
            List<Reservation> batch = feed.changedAfter(restaurant.id(), restaurant.timeZone(), progress,
                    settledBefore, limit);
            Set<Long> acknowledged = acknowledgedMissed(connection, batch);
            Map<Long, String> linkedTableNames = withTable ? linkedTableNames(connection, batch) : Map.of();
            int scanned = 0;
            while (scanned < batch.size() && served.size() < limit) {
                Reservation reservation = batch.get(scanned++);
                reached = FeedPosition.of(reservation);
                if (!acknowledged.contains(reservation.getId())) {
                    if (reservation.getStatus().isMissed()) {
                        missedServed.add(reservation);
                    }
                    served.add(wire(reservation, restaurant.timeZone(),
                            withTable ? table(reservation, linkedTableNames) : null));
                }
            }
            exhausted = batch.size() < limit && scanned == batch.size();
        }
        String nextCursor = PullCursor.encode(progress.after(reached, exhausted));
        // a POS pulling without a cursor may never pass one back: what it was served counts as served at once
        awaitAcknowledgement(connection, missedServed, cursor == null);
        return new Page(served, nextCursor);
    }

    /** Of the batch's missed reservations, those the POS acknowledged: never served again (DOMAIN rule 5). */
    private Set<Long> acknowledgedMissed(AuthenticatedConnection connection, List<Reservation> batch) {
        List<Long> missed = batch.stream().filter(reservation -> reservation.getStatus().isMissed())
                .map(Reservation::getId).toList();
        if (missed.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        select reservation_id from pull_missed_served
                        where connection_id = :connection and reservation_id in (:missed) and acknowledged
                        """)
                .param("connection", connection.connectionId())
                .param("missed", missed)
                .query(Long.class)
                .list());
    }

    /**
     * Missed reservations just served count as served once the POS passes back a cursor that covers them: a lost reply
     * must not lose them. Not the page's cursor is kept but the reservation: a POS may run several cursor streams on
     * one connection (say a short window every few minutes and a long one twice a day), and whichever was served it
     * acknowledges it when it comes back.
     *
     * @param acknowledged a pull without a cursor, which may never pass one back: served, for good, now
     */
    private void awaitAcknowledgement(AuthenticatedConnection connection, List<Reservation> missed,
            boolean acknowledged) {
        if (missed.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        // one statement for the page's missed reservations, not one round trip each
        jdbc.sql("""
                        insert into pull_missed_served (connection_id, reservation_id, served_at, acknowledged)
                        values :rows
                        on duplicate key update acknowledged = acknowledged or values(acknowledged)
                        """)
                .param("rows", missed.stream()
                        .map(reservation -> new Object[] {connection.connectionId(), reservation.getId(), now,
                                acknowledged})
                        .toList())
                .update();
    }

    /**
     * The POS came back with a cursor: it received every page up to it, so every missed reservation the cursor's
     * window and positions cover, which the feed would not serve after it (the negation of
     * {@code ReservationRepository.findChangedAfter}), reached it. Covered as it is now, not as it was served: one
     * edited since moved on in change order, and only the page at its new place (which serves it again) acknowledges
     * it; a cursor between its two places would have lost it.
     *
     * <p>Found by a plain read, then acknowledged by key: an update joining {@code reservation} would hold shared locks
     * on those reservations until the pull commits, against anyone editing or un-parking them. A reservation edited
     * between the two statements moved on from a place the cursor already covered: served there, acknowledged rightly.
     */
    private void acknowledgeMissed(AuthenticatedConnection connection, RestaurantRef restaurant,
            FeedProgress passedBack) {
        ZoneId zone = restaurant.timeZone();
        List<Long> covered = jdbc.sql("""
                        select served.reservation_id from pull_missed_served served
                        join reservation r on r.id = served.reservation_id and r.restaurant_id = :restaurant
                        where served.connection_id = :connection and not served.acknowledged
                          and r.start_at >= :from and r.start_at < :to
                          and ((r.start_at >= :caughtUpFrom and r.start_at < :caughtUpTo
                                and (r.updated_at < :updatedAt or (r.updated_at = :updatedAt and r.id <= :id)))
                            or ((r.start_at < :caughtUpFrom or r.start_at >= :caughtUpTo)
                                and (r.updated_at < :othersUpdatedAt
                                     or (r.updated_at = :othersUpdatedAt and r.id <= :othersId))))
                        """)
                .param("connection", connection.connectionId())
                .param("restaurant", restaurant.id())
                .param("from", startOf(passedBack.from(), zone))
                .param("to", startOf(passedBack.to().plusDays(1), zone))
                .param("caughtUpFrom", startOf(passedBack.caughtUpFrom(), zone))
                .param("caughtUpTo", startOf(passedBack.caughtUpTo().plusDays(1), zone))
                .param("updatedAt", utc(passedBack.position().updatedAt()))
                .param("id", passedBack.position().id())
                .param("othersUpdatedAt", utc(passedBack.othersPosition().updatedAt()))
                .param("othersId", passedBack.othersPosition().id())
                .query(Long.class)
                .list();
        if (!covered.isEmpty()) {
            jdbc.sql("""
                            update pull_missed_served set acknowledged = true
                            where connection_id = :connection and reservation_id in (:covered)
                            """)
                    .param("connection", connection.connectionId())
                    .param("covered", covered)
                    .update();
        }
    }

    private static LocalDateTime startOf(LocalDate day, ZoneId zone) {
        return utc(day.atStartOfDay(zone).toInstant());
    }

    /** As Hibernate stores instants ({@code hibernate.jdbc.time_zone=UTC}), whatever the JVM's zone. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Staff un-parked a missed reservation: served again from now on, as missed again should it become so. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MissedOverridden override) {
        jdbc.sql("delete from pull_missed_served where reservation_id = :reservation")
                .param("reservation", override.reservationId())
                .update();
    }

    /** The POS names linked to the batch's dining tables, in one query. */
    private Map<Long, String> linkedTableNames(AuthenticatedConnection connection, List<Reservation> batch) {
        List<Long> tableIds = batch.stream().map(Reservation::getTable).filter(Objects::nonNull)
                .map(DiningTable::getId).toList();
        return tableIds.isEmpty() ? Map.of()
                : tableNames.linkedPosNames(connection.restaurantId(), connection.connectionId(), tableIds);
    }

    /**
     * PROTOCOL: the POS's table name after mapping: the name linked to the dining table, else the table's own;
     * without a dining table, the name the POS itself gave when it seated the reservation, if any.
     */
    private static String table(Reservation reservation, Map<Long, String> linkedTableNames) {
        if (reservation.getTable() == null) {
            return reservation.getPosTableName();
        }
        return linkedTableNames.getOrDefault(reservation.getTable().getId(), reservation.getTable().getName());
    }

    /** @param table the POS's name of the reservation's table; null: not sent */
    static WireReservation wire(Reservation reservation, ZoneId zone, String table) {
        Guest guest = reservation.getGuest();
        return new WireReservation(WireIds.reservation(reservation.getId()), reservation.getVersion(),
                reservation.getStatus().isMissed() ? MISSED : reservation.getStatus().name(),
                time(reservation.getStart(), zone), reservation.getPartySize(), reservation.getNotes(), table,
                guest == null ? null : new WireReservation.WireGuest(WireIds.guest(guest.getId()),
                        guest.getFirstName(), guest.getLastName(), guest.getMobile(), guest.getEmail()),
                time(reservation.getUpdatedAt(), zone));
    }

    private static String time(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    /** A reservation as PROTOCOL.md sends it; {@code table} only to partners that take table assignments. */
    record WireReservation(String id, long version, String status, String start, int partySize, String notes,
            @JsonInclude(JsonInclude.Include.NON_NULL) String table, WireGuest guest, String updatedAt) {

        record WireGuest(String id, String firstName, String lastName, String mobile, String email) {}
    }
}
