package io.passerelle.reservation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Change time, party size, notes, table or guest. {@code version} is the version the editor started
 * from: if the reservation changed since (another user, the POS), the update is refused.
 */
public record UpdateReservation(long restaurantId, long reservationId, long version,
        @Valid @NotNull ReservationDetails details) {}
