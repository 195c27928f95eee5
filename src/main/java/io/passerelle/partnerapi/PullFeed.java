package io.passerelle.partnerapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.passerelle.connection.AuthenticatedConnection;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.partner.WireIds;
import io.passerelle.reservation.FeedPosition;
import io.passerelle.reservation.Guest;
import io.passerelle.reservation.MissedOverridden;
import io.passerelle.reservation.PosReservationFeed;
import io.passerelle.reservation.Reservation;
import io.passerelle.restaurant.RestaurantRef;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET /reservations}: a restaurant's reservations in a date window, in change order (updatedAt, id), from
 * an opaque cursor on. Missed reservations (no-show, refused, cancelled) are served to a connection once, as
 * MISSED, and never again (DOMAIN rule 5) unless staff un-park it.
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
    private final PartnerCatalogue catalogue;
    private final JdbcClient jdbc;
    private final PartnerApiSettings settings;
    private final Clock clock;

    PullFeed(PosReservationFeed feed, PartnerCatalogue catalogue, JdbcClient jdbc, PartnerApiSettings settings,
            Clock clock) {
        this.feed = feed;
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
        FeedPosition position = cursor == null ? FeedPosition.START : decode(cursor);
        boolean withTable = catalogue.byCode(connection.partnerCode())
                .map(PartnerDescriptor::takesTableAssignments).orElse(false);
        // Only rows changed at least `settle` ago: a transaction that commits late may carry an updatedAt older
        // than rows already served, and a cursor past it would skip it for ever. Waiting until such transactions
        // have committed keeps the order by (updatedAt, id) a safe place to continue from.
        Instant settledBefore = clock.instant().minus(settings.settle());
        var served = new ArrayList<WireReservation>();
        while (served.size() < limit) {
            List<Reservation> batch = feed.changedAfter(restaurant.id(), restaurant.timeZone(), from, to, position,
                    settledBefore, limit);
            for (Reservation reservation : batch) {
                position = FeedPosition.of(reservation);
                if (!reservation.getStatus().isMissed() || markMissedServed(connection, reservation)) {
                    served.add(wire(reservation, restaurant.timeZone(), withTable));
                    if (served.size() == limit) {
                        break;
                    }
                }
            }
            if (batch.size() < limit) {
                break;
            }
        }
        return new Page(served, position == FeedPosition.START ? cursor : encode(position));
    }

    /** True the first time only: the row's primary key makes a concurrent second pull see it as served. */
    private boolean markMissedServed(AuthenticatedConnection connection, Reservation reservation) {
        return jdbc.sql("""
                        insert ignore into pull_missed_served (connection_id, reservation_id, served_at)
                        values (:connection, :reservation, :now)
                        """)
                .param("connection", connection.connectionId())
                .param("reservation", reservation.getId())
                .param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /** Staff un-parked a missed reservation: served again from now on, as missed again should it become so. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MissedOverridden override) {
        jdbc.sql("delete from pull_missed_served where reservation_id = :reservation")
                .param("reservation", override.reservationId())
                .update();
    }

    static WireReservation wire(Reservation reservation, ZoneId zone, boolean withTable) {
        Guest guest = reservation.getGuest();
        String table = null;
        if (withTable) {
            table = reservation.getTable() != null ? reservation.getTable().getName() : reservation.getPosTableName();
        }
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

    static String encode(FeedPosition position) {
        String text = position.updatedAt() + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static FeedPosition decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new FeedPosition(Instant.parse(text.substring(0, bar)), Long.parseLong(text.substring(bar + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException notOurs) {
            throw Problem.invalidField("cursor", "not a cursor this API gave out").exception();
        }
    }

    /** A reservation as PROTOCOL.md sends it; {@code table} only to partners that take table assignments. */
    record WireReservation(String id, long version, String status, String start, int partySize, String notes,
            @JsonInclude(JsonInclude.Include.NON_NULL) String table, WireGuest guest, String updatedAt) {

        record WireGuest(String id, String firstName, String lastName, String mobile, String email) {}
    }
}
