package io.passerelle.reservation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A booking taken by the restaurant: it starts PENDING, as the platform's online bookings do. */
public record CreateReservation(long restaurantId, @Valid @NotNull ReservationDetails details) {}
