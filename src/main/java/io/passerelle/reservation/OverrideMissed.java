package io.passerelle.reservation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Un-park a missed reservation: back to {@code restoreTo} (PENDING or CONFIRMED), for the reason given, which the
 * audit keeps.
 */
public record OverrideMissed(long restaurantId, long reservationId, @NotNull ReservationStatus restoreTo,
        @NotBlank @Size(max = MissedOverride.REASON_MAX_LENGTH) String reason) {}
