package io.passerelle.reservation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.hibernate.validator.constraints.Range;

/**
 * What a person edits on a reservation. Blank notes become null. Whether the start is plausible
 * (not too far back or ahead, see {@link Reservation}) depends on "now", so the service checks it.
 */
public record ReservationDetails(
        @NotNull Instant start,
        @NotNull
        @Range(min = Reservation.MIN_PARTY_SIZE, max = Reservation.MAX_PARTY_SIZE,
                message = "{reservation.party-size.range}")
        Integer partySize,
        @Size(max = Reservation.NOTES_MAX_LENGTH) String notes,
        Long tableId,
        Long guestId) {

    public ReservationDetails {
        notes = notes == null || notes.isBlank() ? null : notes.strip();
    }
}
