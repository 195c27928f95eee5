package io.passerelle.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.reservation.Drift.Field;
import io.passerelle.security.AppRole;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@PasserelleTest
@Import(TestFixtures.class)
class DriftServiceTest {

    @Autowired
    TestFixtures fixtures;
    @Autowired
    DriftService drift;
    @Autowired
    ReservationService reservations;
    @Autowired
    GuestService guests;
    @Autowired
    DiningTableService tables;
    @Autowired
    PosOrderService posOrders;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    Tenant tenant;
    ReservationBook book;
    DriftSeeds pos;
    LocalDate day;
    /** 19:00 in the restaurant, tomorrow. */
    Instant evening;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
        book = new ReservationBook(fixtures, reservations, guests, tables, jdbc);
        pos = new DriftSeeds(posOrders, restaurantId());
        ZoneId rome = ZoneId.of("Europe/Rome");
        day = LocalDate.now(clock.withZone(rome)).plusDays(1);
        evening = day.atTime(LocalTime.of(19, 0)).atZone(rome).toInstant();
    }

    private long restaurantId() {
        return tenant.restaurant().getId();
    }

    private Reservation confirmed(Instant start, int partySize, Guest guest, DiningTable table) {
        return book.changeStatus(book.reservation(restaurantId(), start, partySize, guest, table),
                ReservationStatus.CONFIRMED);
    }

    private DriftReport reportAsOwner() {
        return fixtures.runAs(tenant.owner(), () -> drift.report(restaurantId(), day, day));
    }

    @Test
    void reservationsThePosLastReportedDifferentlyAreListedByField() {
        var guest = book.guest(restaurantId(), "Giulia", "Rossi");
        var t1 = book.table(restaurantId(), "T1");
        var otherTable = confirmed(evening, 2, guest, t1);
        pos.seat(otherTable, "ord-a", "T2", 3, evening);
        var finishedButOpen = confirmed(evening.plus(1, ChronoUnit.HOURS), 4, null, null);
        pos.seat(finishedButOpen, "ord-b", "Terrace 1", 4, evening.plus(1, ChronoUnit.HOURS));
        book.changeStatus(finishedButOpen, ReservationStatus.FINISHED);
        var agreed = confirmed(evening.plus(2, ChronoUnit.HOURS), 2, null, t1);
        pos.seat(agreed, "ord-c", " t1 ", 2, evening.plus(2, ChronoUnit.HOURS));
        var closedAgreed = confirmed(evening.plus(3, ChronoUnit.HOURS), 2, null, null);
        pos.seat(closedAgreed, "ord-d", "T9", 2, evening.plus(3, ChronoUnit.HOURS));
        pos.close("ord-d", 2, "40.00", evening.plus(4, ChronoUnit.HOURS));
        var nextWeek = confirmed(evening.plus(7, ChronoUnit.DAYS), 2, null, t1);
        pos.seat(nextWeek, "ord-e", "T7", 5, evening.plus(7, ChronoUnit.DAYS));

        var drifts = reportAsOwner().drifts();

        assertThat(drifts).extracting(Drift::reservationId, Drift::field, Drift::platformValue, Drift::posValue)
                .containsExactly(
                        tuple(otherTable.getId(), Field.TABLE, "T1", "T2"),
                        tuple(otherTable.getId(), Field.COVERS, "2", "3"),
                        tuple(finishedButOpen.getId(), Field.STATUS, "FINISHED", "ARRIVED"));
        assertThat(drifts.getFirst().guestName()).isEqualTo("Giulia Rossi");
    }

    @Test
    void theLatestOrderIsWhatThePosLastReported() {
        var reservation = confirmed(evening, 2, null, null);
        pos.seat(reservation, "ord-1", "T5", 2, evening);
        pos.close("ord-1", 2, "30.00", evening.plus(1, ChronoUnit.HOURS));
        // a second order on the same reservation, still open: the guests stayed for another round
        jdbc.update("insert into pos_order (restaurant_id, external_id, reservation_id, table_name, covers, opened_at,"
                + " created_at) values (?, 'ord-2', ?, 'T6', 3, ?, ?)", restaurantId(), reservation.getId(),
                java.sql.Timestamp.from(evening.plus(2, ChronoUnit.HOURS)), java.sql.Timestamp.from(evening));

        assertThat(reportAsOwner().drifts()).extracting(Drift::field, Drift::platformValue, Drift::posValue)
                .containsExactly(
                        tuple(Field.STATUS, "FINISHED", "ARRIVED"),
                        tuple(Field.TABLE, "T5", "T6"),
                        tuple(Field.COVERS, "2", "3"));
    }

    @Test
    void aWalkInOnTheTableOfABookingWithinTheMatchingWindowIsAProbableDuplicate() {
        var guest = book.guest(restaurantId(), "Marco", "Bianchi");
        var t3 = book.table(restaurantId(), "T3");
        var t4 = book.table(restaurantId(), "T4");
        // pending while the POS opens the table: the walk-in could not be matched to it
        var booking = book.reservation(restaurantId(), evening, 2, guest, t3);
        long duplicate = pos.walkIn("w-1", t3, 2, evening.plus(10, ChronoUnit.MINUTES));
        long later = pos.walkIn("w-2", t3, 2, evening.plus(3, ChronoUnit.HOURS));
        book.changeStatus(booking, ReservationStatus.CONFIRMED);
        var cancelled = book.reservation(restaurantId(), evening, 2, null, t4);
        pos.walkIn("w-3", t4, 2, evening);
        book.changeStatus(cancelled, ReservationStatus.CANCELLED);

        var duplicates = reportAsOwner().duplicates();

        assertThat(duplicates).extracting(DuplicateWalkIn::walkInId, DuplicateWalkIn::reservationId)
                .containsExactly(tuple(duplicate, booking.getId()));
        var row = duplicates.getFirst();
        assertThat(row.tableName()).isEqualTo("T3");
        assertThat(row.guestName()).isEqualTo("Marco Bianchi");
        assertThat(row.walkInStatus()).isEqualTo(ReservationStatus.ARRIVED);
        assertThat(row.reservationStatus()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(later).isNotEqualTo(duplicate);
    }

    /** A walk-in duplicating a booking, its bill closed: returns {walk-in id, booking id}. */
    private long[] finishedDuplicate(Guest guest, DiningTable table) {
        var booking = book.reservation(restaurantId(), evening, 2, guest, table);
        long walkIn = pos.walkIn("w-" + table.getName(), table, 3, evening.plus(5, ChronoUnit.MINUTES));
        pos.close("w-" + table.getName(), 3, "50.00", evening.plus(1, ChronoUnit.HOURS));
        book.changeStatus(booking, ReservationStatus.CONFIRMED);
        return new long[] {walkIn, booking.getId()};
    }

    @Test
    void mergingMovesTheOrdersAndCountsTheBillOnceHoweverOftenItIsMerged() {
        var guest = book.guest(restaurantId(), "Anna", "Verdi");
        var table = book.table(restaurantId(), "T8");
        long[] pair = finishedDuplicate(guest, table);
        var support = tenant.support();

        long versionBefore = fixtures.runAs(support, () -> reservations.get(restaurantId(), pair[1])).getVersion();
        var merged = fixtures.runAs(support, () -> drift.merge(restaurantId(), pair[0], pair[1]));
        var again = fixtures.runAs(support, () -> drift.merge(restaurantId(), pair[0], pair[1]));
        assertThat(merged.getVersion()).isGreaterThan(versionBefore);
        assertThat(again.getVersion()).isEqualTo(merged.getVersion());
        // the POS repeating the close after the merge changes nothing either
        pos.close("w-T8", 3, "50.00", evening.plus(1, ChronoUnit.HOURS));

        assertThat(merged.getStatus()).isEqualTo(ReservationStatus.FINISHED);
        var booking = fixtures.runAs(support, () -> reservations.get(restaurantId(), pair[1]));
        assertThat(booking.getStatus()).isEqualTo(ReservationStatus.FINISHED);
        assertThat(booking.getTable().getName()).isEqualTo("T8");
        assertThat(posOrders.ordersOf(restaurantId(), pair[1])).extracting(PosOrder::getExternalId)
                .containsExactly("w-T8");
        assertThat(posOrders.ordersOf(restaurantId(), pair[0])).isEmpty();
        var stats = fixtures.runAs(support, () -> guests.get(restaurantId(), guest.getId()));
        assertThat(stats.getVisits()).isEqualTo(1);
        assertThat(stats.getCovers()).isEqualTo(3);
        assertThat(stats.getTotalSpent()).isEqualByComparingTo("50.00");
        assertThat(fixtures.runAs(support, () -> reservations.get(restaurantId(), pair[0])).getMergedIntoId())
                .isEqualTo(pair[1]);
        assertThat(jdbc.queryForList("select actor from walk_in_merge where walk_in_id = ?", String.class, pair[0]))
                .containsExactly(support.getEmail());
        assertThat(reportAsOwner().duplicates()).isEmpty();
    }

    @Test
    void aBillClosedAfterTheMergeCountsForTheBookingsGuestOnce() {
        var guest = book.guest(restaurantId(), "Luca", "Neri");
        var table = book.table(restaurantId(), "T10");
        var booking = book.reservation(restaurantId(), evening, 2, guest, table);
        long walkIn = pos.walkIn("w-open", table, 2, evening);
        book.changeStatus(booking, ReservationStatus.CONFIRMED);
        var onboarding = fixtures.staff(AppRole.ONBOARDING);

        var seated = fixtures.runAs(onboarding, () -> drift.merge(restaurantId(), walkIn, booking.getId()));
        assertThat(seated.getStatus()).isEqualTo(ReservationStatus.ARRIVED);
        assertThat(fixtures.runAs(onboarding, () -> guests.get(restaurantId(), guest.getId())).getVisits()).isZero();
        pos.close("w-open", 2, "35.00", evening.plus(1, ChronoUnit.HOURS));

        var stats = fixtures.runAs(onboarding, () -> guests.get(restaurantId(), guest.getId()));
        assertThat(stats.getVisits()).isEqualTo(1);
        assertThat(stats.getTotalSpent()).isEqualByComparingTo("35.00");
        assertThat(fixtures.runAs(onboarding, () -> reservations.get(restaurantId(), booking.getId())).getStatus())
                .isEqualTo(ReservationStatus.FINISHED);
    }

    @Test
    void onlySupportStaffMergeAndOnlyWithinTheirRestaurants() {
        var table = book.table(restaurantId(), "T11");
        long[] pair = finishedDuplicate(null, table);
        var otherTenant = fixtures.tenant();

        assertThatThrownBy(() -> fixtures.runAs(tenant.owner(), () -> drift.merge(restaurantId(), pair[0], pair[1])))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.runAs(otherTenant.support(),
                () -> drift.merge(restaurantId(), pair[0], pair[1]))).isInstanceOf(NotFoundException.class);
        // another restaurant's id with this restaurant's reservations: not found, whoever asks
        assertThatThrownBy(() -> fixtures.runAs(tenant.support(),
                () -> drift.merge(tenant.sibling().getId(), pair[0], pair[1]))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.runAs(otherTenant.owner(), () -> drift.report(restaurantId(), day, day)))
                .isInstanceOf(NotFoundException.class);
        assertThat(jdbc.queryForObject("select count(*) from walk_in_merge where walk_in_id = ?", Long.class,
                pair[0])).isZero();

        var merged = fixtures.runAs(fixtures.staff(AppRole.ADMIN), () -> drift.merge(restaurantId(), pair[0],
                pair[1]));
        assertThat(merged.getStatus()).isEqualTo(ReservationStatus.FINISHED);
    }

    @Test
    void aBookingCannotBeMergedAsAWalkInNorAWalkInIntoAFinishedBookingOrTwoBookings() {
        var table = book.table(restaurantId(), "T12");
        long[] pair = finishedDuplicate(null, table);
        var other = confirmed(evening, 2, null, null);
        var onboarding = fixtures.staff(AppRole.ONBOARDING);

        assertThatThrownBy(() -> fixtures.runAs(onboarding, () -> drift.merge(restaurantId(), pair[1], other.getId())))
                .isInstanceOf(RuleViolationException.class)
                .extracting("messageKey").isEqualTo("drift.error.not-a-walk-in");
        fixtures.runAs(onboarding, () -> drift.merge(restaurantId(), pair[0], pair[1]));
        assertThatThrownBy(() -> fixtures.runAs(onboarding, () -> drift.merge(restaurantId(), pair[0], other.getId())))
                .isInstanceOf(RuleViolationException.class)
                .extracting("messageKey").isEqualTo("drift.error.already-merged");
    }

    @Test
    void aPeriodLongerThanAMonthIsRefused() {
        assertThatThrownBy(() -> fixtures.runAs(tenant.owner(),
                () -> drift.report(restaurantId(), day, day.plusDays(DriftService.MAX_PERIOD_DAYS))))
                .isInstanceOf(RuleViolationException.class)
                .extracting("messageKey").isEqualTo("drift.error.period");
    }
}
