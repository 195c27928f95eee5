package io.passerelle.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.shared.UserFacingException;
import jakarta.validation.ConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@PasserelleTest
@Import(TestFixtures.class)
@RecordApplicationEvents
class ReservationServiceTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Autowired
    TestFixtures fixtures;
    @Autowired
    ReservationService reservations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEvents events;

    Tenant tenant;
    ReservationBook book;
    Instant tomorrow;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
        book = fixtures.reservationBook();
        tomorrow = clock.instant().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    }

    private long restaurantId() {
        return tenant.restaurant().getId();
    }

    private <T> T asOwner(java.util.function.Supplier<T> block) {
        return book.as(tenant.owner(), block);
    }

    private Reservation create(ReservationDetails details) {
        return asOwner(() -> reservations.create(new CreateReservation(restaurantId(), details)));
    }

    private ReservationDetails details(Instant start, Integer partySize) {
        return new ReservationDetails(start, partySize, null, null, null);
    }

    private long publishedFor(Reservation reservation) {
        return events.stream(ReservationChanged.class)
                .filter(e -> e.reservationId() == reservation.getId())
                .count();
    }

    @Test
    void aNewBookingIsPendingAtVersionZeroAndIsPublished() {
        var guest = book.guest(restaurantId(), "Giulia", "Rossi");
        var table = book.table(restaurantId(), TestFixtures.unique("T"));

        var reservation = create(new ReservationDetails(tomorrow, 4, "  allergic to nuts ", table.getId(),
                guest.getId()));

        var stored = asOwner(() -> reservations.get(restaurantId(), reservation.getId()));
        assertThat(stored.getStatus()).isEqualTo(ReservationStatus.PENDING);
        assertThat(stored.getSource()).isEqualTo(ReservationSource.BOOKING);
        assertThat(stored.getStart()).isEqualTo(tomorrow);
        assertThat(stored.getPartySize()).isEqualTo(4);
        assertThat(stored.getNotes()).isEqualTo("allergic to nuts");
        assertThat(stored.getGuest().getFullName()).isEqualTo("Giulia Rossi");
        assertThat(stored.getTable().getName()).isEqualTo(table.getName());
        assertThat(stored.getVersion()).isZero();
        assertThat(stored.getCreatedAt()).isNotNull();
        assertThat(events.stream(ReservationChanged.class))
                .containsExactly(new ReservationChanged(restaurantId(), reservation.getId(), 0));
    }

    @Test
    void everyChangeIncreasesTheVersionAndPublishesIt() {
        var reservation = create(details(tomorrow, 2));

        var updated = asOwner(() -> reservations.update(new UpdateReservation(restaurantId(), reservation.getId(), 0,
                new ReservationDetails(tomorrow.plus(1, ChronoUnit.HOURS), 3, "window seat", null, null))));
        assertThat(updated.getVersion()).isEqualTo(1);
        assertThat(updated.getPartySize()).isEqualTo(3);

        var confirmed = asOwner(() -> reservations.changeStatus(restaurantId(), reservation.getId(),
                ReservationStatus.CONFIRMED));
        var seated = asOwner(() -> reservations.changeStatus(restaurantId(), reservation.getId(),
                ReservationStatus.ARRIVED));
        var finished = asOwner(() -> reservations.changeStatus(restaurantId(), reservation.getId(),
                ReservationStatus.FINISHED));

        assertThat(confirmed.getVersion()).isEqualTo(2);
        assertThat(seated.getVersion()).isEqualTo(3);
        assertThat(finished.getVersion()).isEqualTo(4);
        assertThat(asOwner(() -> reservations.get(restaurantId(), reservation.getId())).getStatus())
                .isEqualTo(ReservationStatus.FINISHED);
        assertThat(events.stream(ReservationChanged.class).filter(e -> e.reservationId() == reservation.getId())
                .map(ReservationChanged::version))
                .containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void anEditThatChangesNothingKeepsTheVersionAndPublishesNothing() {
        var reservation = create(details(tomorrow, 2));

        var same = asOwner(() -> reservations.update(new UpdateReservation(restaurantId(), reservation.getId(), 0,
                details(tomorrow, 2))));

        assertThat(same.getVersion()).isZero();
        assertThat(publishedFor(reservation)).isEqualTo(1);
    }

    @Test
    void anEditStartedFromAnOlderVersionIsRefused() {
        var reservation = create(details(tomorrow, 2));
        asOwner(() -> reservations.changeStatus(restaurantId(), reservation.getId(), ReservationStatus.CONFIRMED));

        assertThatThrownBy(() -> asOwner(() -> reservations.update(new UpdateReservation(restaurantId(),
                reservation.getId(), 0, details(tomorrow, 6)))))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey())
                .isEqualTo("error.conflict");
        assertThat(asOwner(() -> reservations.get(restaurantId(), reservation.getId())).getPartySize()).isEqualTo(2);
    }

    @Test
    void anIllegalStatusChangeIsRefusedAndChangesNothing() {
        var reservation = create(details(tomorrow, 2));

        assertThatThrownBy(() -> asOwner(() -> reservations.changeStatus(restaurantId(), reservation.getId(),
                ReservationStatus.ARRIVED)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.messageKey()).isEqualTo("reservation.error.illegal-transition");
                    assertThat(e.arguments()).containsExactly(ReservationStatus.PENDING, ReservationStatus.ARRIVED);
                });

        var unchanged = asOwner(() -> reservations.get(restaurantId(), reservation.getId()));
        assertThat(unchanged.getStatus()).isEqualTo(ReservationStatus.PENDING);
        assertThat(unchanged.getVersion()).isZero();
        assertThat(publishedFor(reservation)).isEqualTo(1);
    }

    @Test
    void aMissedReservationIsFinal() {
        var reservation = create(details(tomorrow, 2));
        asOwner(() -> reservations.changeStatus(restaurantId(), reservation.getId(), ReservationStatus.CANCELLED));

        assertThatThrownBy(() -> asOwner(() -> reservations.changeStatus(restaurantId(), reservation.getId(),
                ReservationStatus.CONFIRMED)))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void partySizeMustBeBetweenOneAndAHundred() {
        assertThatThrownBy(() -> create(details(tomorrow, 0)))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("partySize");
        assertThatThrownBy(() -> create(details(tomorrow, 101)))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("partySize");
        assertThat(create(details(tomorrow, 100)).getPartySize()).isEqualTo(100);
    }

    @Test
    void notesAreLimitedAndAStartIsRequired() {
        assertThatThrownBy(() -> create(new ReservationDetails(tomorrow, 2, "x".repeat(1001), null, null)))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("notes");
        assertThatThrownBy(() -> create(details(null, 2)))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("start");
    }

    @Test
    void aStartTooFarBackOrAheadIsRefusedOnTheStartField() {
        ZonedDateTime now = clock.instant().atZone(ROME);
        Instant tooEarly = now.minusYears(1).minusDays(1).toInstant();
        Instant tooLate = now.plusYears(2).plusDays(1).toInstant();

        for (Instant start : new Instant[] {tooEarly, tooLate}) {
            assertThatThrownBy(() -> create(details(start, 2)))
                    .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                        assertThat(e.field()).isEqualTo("start");
                        assertThat(e.messageKey()).isEqualTo("reservation.error.start-out-of-range");
                        assertThat(e.arguments()).containsExactly(now.minusYears(1).toLocalDate(),
                                now.plusYears(2).toLocalDate());
                    });
        }
        assertThat(create(details(now.minusMonths(11).toInstant(), 2)).getId()).isNotNull();

        var reservation = create(details(tomorrow, 2));
        assertThatThrownBy(() -> asOwner(() -> reservations.update(new UpdateReservation(restaurantId(),
                reservation.getId(), 0, details(tooLate, 2)))))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aTableOrGuestOfAnotherRestaurantIsNotFound() {
        var foreignTable = book.table(tenant.sibling().getId(), TestFixtures.unique("T"));
        var foreignGuest = book.guest(tenant.sibling().getId(), "Marie", "Curie");

        assertThatThrownBy(() -> create(new ReservationDetails(tomorrow, 2, null, foreignTable.getId(), null)))
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> create(new ReservationDetails(tomorrow, 2, null, null, foreignGuest.getId())))
                .hasMessageContaining("not found");
    }

    @Test
    void pagesFilterByDaysInTheRestaurantsTimeZoneStatusTextAndGuest() {
        LocalDate day = LocalDate.now(clock.withZone(ROME)).plusDays(3);
        var giulia = book.guest(restaurantId(), "Giulia", "Rossi");
        var marco = book.guest(restaurantId(), "Marco", "Bianchi_100%");
        var table = book.table(restaurantId(), TestFixtures.unique("Terrazza"));
        // 00:30 in Rome is still the previous day in UTC: it must count for `day`
        var earlyMorning = book.reservation(restaurantId(), day.atTime(0, 30).atZone(ROME).toInstant(), 2, giulia, null);
        var evening = book.reservation(restaurantId(), day.atTime(20, 0).atZone(ROME).toInstant(), 4, marco, table);
        var nextDay = book.reservation(restaurantId(), day.plusDays(1).atTime(20, 0).atZone(ROME).toInstant(), giulia);
        book.changeStatus(evening, ReservationStatus.CONFIRMED);

        assertThat(ids(new ReservationFilter(day, day, null, null, null)))
                .containsExactlyInAnyOrder(earlyMorning.getId(), evening.getId());
        assertThat(ids(new ReservationFilter(day, day.plusDays(1), Set.of(ReservationStatus.CONFIRMED), null, null)))
                .containsExactly(evening.getId());
        assertThat(ids(new ReservationFilter(day, day.plusDays(1), null, "rossi", null)))
                .containsExactlyInAnyOrder(earlyMorning.getId(), nextDay.getId());
        assertThat(ids(new ReservationFilter(day, day.plusDays(1), null, "_100%", null)))
                .containsExactly(evening.getId());
        assertThat(ids(new ReservationFilter(day, day.plusDays(1), null, table.getName(), null)))
                .containsExactly(evening.getId());
        assertThat(ids(ReservationFilter.ofGuest(giulia.getId())))
                .containsExactlyInAnyOrder(earlyMorning.getId(), nextDay.getId());

        var byStart = asOwner(() -> reservations.page(restaurantId(), ReservationFilter.between(day, day.plusDays(1)),
                PageRequest.of(0, 10, ReservationService.BY_START)));
        assertThat(byStart.map(Reservation::getId)).containsExactly(earlyMorning.getId(), evening.getId(),
                nextDay.getId());
        var newestFirst = asOwner(() -> reservations.page(restaurantId(),
                ReservationFilter.between(day, day.plusDays(1)), PageRequest.of(0, 10)));
        assertThat(newestFirst.map(Reservation::getId)).containsExactly(nextDay.getId(), evening.getId(),
                earlyMorning.getId());
    }

    private java.util.List<Long> ids(ReservationFilter filter) {
        return asOwner(() -> reservations.page(restaurantId(), filter, PageRequest.of(0, 50)).map(Reservation::getId)
                .getContent());
    }
}
