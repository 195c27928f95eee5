package io.passerelle.reservation;

import static io.passerelle.reservation.ReservationStatus.ARRIVED;
import static io.passerelle.reservation.ReservationStatus.CANCELLED;
import static io.passerelle.reservation.ReservationStatus.CONFIRMED;
import static io.passerelle.reservation.ReservationStatus.FINISHED;
import static io.passerelle.reservation.ReservationStatus.NO_SHOW;
import static io.passerelle.reservation.ReservationStatus.PENDING;
import static io.passerelle.reservation.ReservationStatus.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.shared.RuleViolationException;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ReservationStatusTest {

    @Test
    void theTransitionsAreExactlyTheBooksRules() {
        assertThat(PENDING.allowedNext()).containsExactly(CONFIRMED, REFUSED, CANCELLED);
        assertThat(CONFIRMED.allowedNext()).containsExactly(ARRIVED, NO_SHOW, CANCELLED);
        assertThat(ARRIVED.allowedNext()).containsExactly(FINISHED);
        for (ReservationStatus finalStatus : EnumSet.of(FINISHED, NO_SHOW, REFUSED, CANCELLED)) {
            assertThat(finalStatus.allowedNext()).as(finalStatus.name()).isEmpty();
            assertThat(finalStatus.isFinal()).isTrue();
        }
    }

    @Test
    void everyMoveOutsideTheTableIsRefusedNamingBothStatuses() {
        for (ReservationStatus from : ReservationStatus.values()) {
            for (ReservationStatus to : ReservationStatus.values()) {
                if (from.canChangeTo(to)) {
                    from.checkChangeTo(to);
                } else {
                    assertThatThrownBy(() -> from.checkChangeTo(to))
                            .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                                assertThat(e.field()).isEqualTo("status");
                                assertThat(e.messageKey()).isEqualTo("reservation.error.illegal-transition");
                                assertThat(e.arguments()).containsExactly(from, to);
                            });
                }
            }
        }
    }

    @Test
    void noShowRefusedAndCancelledAreMissed() {
        assertThat(EnumSet.allOf(ReservationStatus.class)).filteredOn(ReservationStatus::isMissed)
                .containsExactlyInAnyOrder(NO_SHOW, REFUSED, CANCELLED);
    }
}
