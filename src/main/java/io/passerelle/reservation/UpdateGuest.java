package io.passerelle.reservation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public record UpdateGuest(long restaurantId, long guestId, @Valid @NotNull GuestDetails details) {}
