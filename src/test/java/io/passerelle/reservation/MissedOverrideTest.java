package io.passerelle.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.security.AppRole;
import io.passerelle.security.UserAccount;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import jakarta.validation.ConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Un-parking a missed reservation: staff only, within the tenant wall, with a reason, audited, announced. */
@PasserelleTest
@Import(TestFixtures.class)
@RecordApplicationEvents
class MissedOverrideTest {

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
    UserAccount onboarding;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
        book = fixtures.reservationBook();
        onboarding = fixtures.staff(AppRole.ONBOARDING);
    }

    private Reservation cancelled() {
        Instant tomorrow = clock.instant().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        return book.changeStatus(book.reservation(tenant.restaurant().getId(), tomorrow, null),
                ReservationStatus.CANCELLED);
    }

    private Reservation override(UserAccount who, Reservation missed, ReservationStatus restoreTo, String reason) {
        return book.as(who, () -> reservations.overrideMissed(new OverrideMissed(missed.getRestaurantId(),
                missed.getId(), restoreTo, reason)));
    }

    private ReservationStatus stored(Reservation reservation) {
        return book.as(onboarding, () -> reservations.get(reservation.getRestaurantId(), reservation.getId()))
                .getStatus();
    }

    @Test
    void onboardingRestoresAMissedReservationAuditedAndAnnounced() {
        Reservation missed = cancelled();
        Instant before = clock.instant().truncatedTo(ChronoUnit.MICROS);

        Reservation restored = override(onboarding, missed, ReservationStatus.CONFIRMED, "  Cancelled by mistake  ");

        assertThat(restored.getStatus()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(restored.getVersion()).isGreaterThan(missed.getVersion());
        assertThat(stored(missed)).isEqualTo(ReservationStatus.CONFIRMED);
        List<MissedOverride> audit = book.as(tenant.owner(),
                () -> reservations.missedOverrides(missed.getRestaurantId(), missed.getId()));
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.getActor()).isEqualTo(onboarding.getEmail());
            assertThat(entry.getFromStatus()).isEqualTo(ReservationStatus.CANCELLED);
            assertThat(entry.getToStatus()).isEqualTo(ReservationStatus.CONFIRMED);
            assertThat(entry.getReason()).isEqualTo("Cancelled by mistake");
            assertThat(entry.getOccurredAt()).isBetween(before, clock.instant());
        });
        assertThat(events.stream(MissedOverridden.class)).containsExactly(
                new MissedOverridden(missed.getRestaurantId(), missed.getId()));
        assertThat(events.stream(ReservationChanged.class).filter(change -> change.reservationId() == missed.getId()))
                .extracting(ReservationChanged::version).contains(restored.getVersion());
        // back in the state machine: the restored reservation moves on normally
        book.changeStatus(restored, ReservationStatus.ARRIVED);
        assertThat(stored(missed)).isEqualTo(ReservationStatus.ARRIVED);
    }

    @Test
    void adminMayToo() {
        Reservation missed = book.changeStatus(book.changeStatus(book.reservation(tenant.restaurant().getId(),
                clock.instant().plus(1, ChronoUnit.DAYS), null), ReservationStatus.CONFIRMED), ReservationStatus.NO_SHOW);

        override(fixtures.staff(AppRole.ADMIN), missed, ReservationStatus.PENDING, "Came after all");

        assertThat(stored(missed)).isEqualTo(ReservationStatus.PENDING);
    }

    @Test
    void ownersAndSupportMayNot() {
        Reservation missed = cancelled();

        for (UserAccount notStaff : List.of(tenant.owner(), tenant.support())) {
            assertThatThrownBy(() -> override(notStaff, missed, ReservationStatus.PENDING, "please"))
                    .as(notStaff.getRole().name()).isInstanceOf(AccessDeniedException.class);
            assertThat(book.as(notStaff, reservations::mayOverrideMissed)).isFalse();
        }
        assertThat(book.as(onboarding, reservations::mayOverrideMissed)).isTrue();
        assertThat(book.as(fixtures.staff(AppRole.ADMIN), reservations::mayOverrideMissed)).isTrue();
        assertThat(stored(missed)).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(auditRows(missed)).isZero();
    }

    @Test
    void anotherRestaurantsReservationIsNotFound() {
        Reservation missed = cancelled();

        assertThatThrownBy(() -> book.as(onboarding, () -> reservations.overrideMissed(new OverrideMissed(
                tenant.sibling().getId(), missed.getId(), ReservationStatus.PENDING, "wrong restaurant"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> book.as(onboarding, () -> reservations.overrideMissed(new OverrideMissed(
                Long.MAX_VALUE, missed.getId(), ReservationStatus.PENDING, "no such restaurant"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> book.as(tenant.owner(),
                () -> reservations.missedOverrides(tenant.sibling().getId(), missed.getId())))
                .as("the owner of the first restaurant only").isInstanceOf(NotFoundException.class);
        assertThat(stored(missed)).isEqualTo(ReservationStatus.CANCELLED);
    }

    @Test
    void theReasonIsRequiredAndBounded() {
        Reservation missed = cancelled();

        for (String reason : new String[] {null, "", "   ", "x".repeat(MissedOverride.REASON_MAX_LENGTH + 1)}) {
            assertThatThrownBy(() -> override(onboarding, missed, ReservationStatus.PENDING, reason))
                    .isInstanceOf(ConstraintViolationException.class)
                    .hasMessageContaining("reason");
        }
        assertThatThrownBy(() -> override(onboarding, missed, null, "typo"))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("restoreTo");
        assertThat(auditRows(missed)).isZero();

        override(onboarding, missed, ReservationStatus.PENDING, "x".repeat(MissedOverride.REASON_MAX_LENGTH));
        assertThat(auditRows(missed)).isOne();
    }

    @Test
    void onlyAMissedReservationToPendingOrConfirmed() {
        Reservation missed = cancelled();
        for (ReservationStatus notRestorable : List.of(ReservationStatus.ARRIVED, ReservationStatus.FINISHED,
                ReservationStatus.REFUSED)) {
            assertThatThrownBy(() -> override(onboarding, missed, notRestorable, "typo"))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            refusal -> assertThat(refusal.field()).isEqualTo("restoreTo"));
        }
        Reservation live = book.reservation(tenant.restaurant().getId(),
                clock.instant().plus(1, ChronoUnit.DAYS), null);
        assertThatThrownBy(() -> override(onboarding, live, ReservationStatus.CONFIRMED, "typo"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("reservation.error.not-missed"));
        assertThat(auditRows(missed) + auditRows(live)).isZero();
    }

    private long auditRows(Reservation reservation) {
        return jdbc.queryForObject("select count(*) from missed_override where reservation_id = ?", Long.class,
                reservation.getId());
    }
}
