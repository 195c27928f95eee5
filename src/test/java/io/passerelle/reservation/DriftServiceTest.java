package io.passerelle.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.reservation.Drift.Field;
import io.passerelle.reservation.DuplicateWalkIn.Match;
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
        book = fixtures.reservationBook();
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
        var window = book.table(restaurantId(), "Window");
        var otherTable = confirmed(evening, 2, guest, t1);
        pos.seat(otherTable, "ord-a", "T2", 3, evening);
        // seated by the POS at T1 under its own name for it, then moved to the window in Passerelle
        var movedInPasserelle = confirmed(evening.plus(30, ChronoUnit.MINUTES), 2, null, t1);
        pos.seatAt(movedInPasserelle, "ord-m", "Tavolo 1", t1, 2, evening.plus(30, ChronoUnit.MINUTES));
        moveTo(movedInPasserelle, window);
        var finishedButOpen = confirmed(evening.plus(1, ChronoUnit.HOURS), 4, null, null);
        pos.seat(finishedButOpen, "ord-b", "Terrace 1", 4, evening.plus(1, ChronoUnit.HOURS));
        book.changeStatus(finishedButOpen, ReservationStatus.FINISHED);
        // the POS's own name for T1, linked to it: the same table, however the POS spells it
        var agreed = confirmed(evening.plus(2, ChronoUnit.HOURS), 2, null, t1);
        pos.seatAt(agreed, "ord-c", "Tavolo 1", t1, 2, evening.plus(2, ChronoUnit.HOURS));
        var closedAgreed = confirmed(evening.plus(3, ChronoUnit.HOURS), 2, null, null);
        pos.seat(closedAgreed, "ord-d", "T9", 2, evening.plus(3, ChronoUnit.HOURS));
        pos.close("ord-d", 2, "40.00", evening.plus(4, ChronoUnit.HOURS));
        // a spelling close to T1 but linked to nothing: a person links it under Table names, nothing guesses here
        var unlinkedSpelling = confirmed(evening.plus(4, ChronoUnit.HOURS), 2, null, t1);
        pos.seat(unlinkedSpelling, "ord-f", " t1 ", 2, evening.plus(4, ChronoUnit.HOURS));
        var nextWeek = confirmed(evening.plus(7, ChronoUnit.DAYS), 2, null, t1);
        pos.seat(nextWeek, "ord-e", "T7", 5, evening.plus(7, ChronoUnit.DAYS));

        var drifts = reportAsOwner().drifts();

        assertThat(drifts).extracting(Drift::reservationId, Drift::field, Drift::platformValue, Drift::posValue)
                .containsExactly(
                        tuple(otherTable.getId(), Field.TABLE, "T1", "T2"),
                        tuple(otherTable.getId(), Field.COVERS, "2", "3"),
                        tuple(movedInPasserelle.getId(), Field.TABLE, "Window", "T1"),
                        tuple(finishedButOpen.getId(), Field.STATUS, "FINISHED", "ARRIVED"),
                        tuple(unlinkedSpelling.getId(), Field.TABLE, "T1", " t1 "));
        assertThat(drifts.getFirst().guestName()).isEqualTo("Giulia Rossi");
    }

    @Test
    void ordersFollowTheirTableNameWhenATableIsRenamed() {
        var t4 = book.table(restaurantId(), "T4");
        var reservation = confirmed(evening, 2, null, t4);
        pos.seatAt(reservation, "ord-r", "T4", t4, 2, evening);
        assertThat(reportAsOwner().drifts()).isEmpty();

        rename(t4, "Table 4");
        // "T4" now stands for no table: the POS seated the guests somewhere Passerelle does not know
        assertThat(reportAsOwner().drifts()).extracting(Drift::field, Drift::platformValue, Drift::posValue)
                .containsExactly(tuple(Field.TABLE, "Table 4", "T4"));

        rename(t4, "T4");
        assertThat(reportAsOwner().drifts()).isEmpty();
    }

    private void moveTo(Reservation reservation, DiningTable table) {
        fixtures.runAs(tenant.owner(), () -> {
            var current = reservations.get(restaurantId(), reservation.getId());
            return reservations.update(new UpdateReservation(restaurantId(), current.getId(), current.getVersion(),
                    new ReservationDetails(current.getStart(), current.getPartySize(), current.getNotes(),
                            table.getId(), null)));
        });
    }

    private void rename(DiningTable table, String name) {
        fixtures.runAs(tenant.owner(), () -> tables.updateTable(new UpdateDiningTable(restaurantId(), table.getId(),
                new DiningTableDetails(name, table.getSeats(), null))));
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

    @Test
    void aWalkInOnNoKnownTableDuplicatesTheOnlyBookingForAsManyCoversNearItsTime() {
        var guest = book.guest(restaurantId(), "Paolo", "Conte");
        var booking = confirmed(evening, 4, guest, null);
        long walkIn = pos.walkInOnUnknownTable("w-bar", "Bar 2", 4, evening.plus(10, ChronoUnit.MINUTES));
        var onTheTerrace = confirmed(evening.plus(2, ChronoUnit.HOURS), 3, null, null);
        // a bill the POS closed without ever opening the order: no table at all
        pos.close("w-bill", 3, "60.00", evening.plus(2, ChronoUnit.HOURS).minus(20, ChronoUnit.MINUTES));

        var duplicates = reportAsOwner().duplicates();

        assertThat(duplicates).extracting(DuplicateWalkIn::walkInId, DuplicateWalkIn::reservationId,
                DuplicateWalkIn::match, DuplicateWalkIn::tableName)
                .containsExactly(tuple(walkIn, booking.getId(), Match.SAME_COVERS, "Bar 2"),
                        tuple(duplicates.get(1).walkInId(), onTheTerrace.getId(), Match.SAME_COVERS, null));
        assertThat(duplicates.getFirst().guestName()).isEqualTo("Paolo Conte");
        assertThat(fixtures.runAs(tenant.support(), () -> reservations.get(restaurantId(),
                duplicates.get(1).walkInId())).getSource()).isEqualTo(ReservationSource.WALK_IN);
    }

    @Test
    void aWalkInOnNoKnownTableIsNotFlaggedWhenAnythingElseExplainsIt() {
        // covers differ
        confirmed(evening, 2, null, null);
        pos.walkInOnUnknownTable("w-3", "Bar 1", 3, evening);
        // two bookings for as many covers: which one?
        confirmed(evening, 5, null, null);
        confirmed(evening.plus(30, ChronoUnit.MINUTES), 5, null, null);
        pos.walkInOnUnknownTable("w-5", "Bar 2", 5, evening.plus(15, ChronoUnit.MINUTES));
        // two walk-ins for one booking: which one?
        confirmed(evening.plus(1, ChronoUnit.HOURS), 6, null, null);
        pos.walkInOnUnknownTable("w-6a", "Bar 3", 6, evening.plus(65, ChronoUnit.MINUTES));
        pos.walkInOnUnknownTable("w-6b", "Bar 4", 6, evening.plus(70, ChronoUnit.MINUTES));
        // the POS seated the booking at a table of its own
        var seated = confirmed(evening, 7, null, null);
        pos.seat(seated, "ord-7", "T70", 7, evening);
        pos.walkInOnUnknownTable("w-7", "Bar 5", 7, evening.plus(5, ChronoUnit.MINUTES));
        // the POS did not say how many came
        confirmed(evening.plus(2, ChronoUnit.HOURS), Reservation.MIN_PARTY_SIZE, null, null);
        pos.walkInOnUnknownTable("w-1", "Bar 6", null, evening.plus(2, ChronoUnit.HOURS));
        // long after the booking's matching window
        confirmed(evening, 8, null, null);
        pos.walkInOnUnknownTable("w-8", "Bar 7", 8, evening.plus(3, ChronoUnit.HOURS));

        assertThat(reportAsOwner().duplicates()).isEmpty();
    }

    @Test
    void aBookingAWalkInOnItsTableDuplicatesIsNotOfferedToAWalkInOnNoKnownTable() {
        var t6 = book.table(restaurantId(), "T6");
        var booking = book.reservation(restaurantId(), evening, 2, null, t6);
        long onItsTable = pos.walkIn("w-t6", t6, 2, evening);
        pos.walkInOnUnknownTable("w-bar", "Bar 1", 2, evening.plus(5, ChronoUnit.MINUTES));
        book.changeStatus(booking, ReservationStatus.CONFIRMED);

        assertThat(reportAsOwner().duplicates()).extracting(DuplicateWalkIn::walkInId, DuplicateWalkIn::match)
                .containsExactly(tuple(onItsTable, Match.SAME_TABLE));
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
    void aWalkInsTwoBillsMergedIntoABookingCountOneVisitOfItsGuest() {
        var guest = book.guest(restaurantId(), "Sara", "Galli");
        var table = book.table(restaurantId(), "T11");
        long[] pair = finishedDuplicate(guest, table);
        // the same party's second round, billed on the walk-in the POS was answered with
        pos.closeOn(pair[0], "w-round-2", 2, "20.00", evening.plus(2, ChronoUnit.HOURS));

        fixtures.runAs(tenant.support(), () -> drift.merge(restaurantId(), pair[0], pair[1]));

        assertThat(posOrders.ordersOf(restaurantId(), pair[1])).extracting(PosOrder::getExternalId)
                .containsExactly("w-T11", "w-round-2");
        var stats = fixtures.runAs(tenant.support(), () -> guests.get(restaurantId(), guest.getId()));
        assertThat(stats.getVisits()).isEqualTo(1);
        assertThat(stats.getCovers()).isEqualTo(3);
        assertThat(stats.getTotalSpent()).isEqualByComparingTo("70.00");
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
