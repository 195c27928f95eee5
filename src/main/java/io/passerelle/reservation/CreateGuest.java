package io.passerelle.reservation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public record CreateGuest(long restaurantId, @Valid @NotNull GuestDetails details) {}
