package io.passerelle.reservation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** @param version the guest's version when the editor loaded it: a change by someone else since is refused */
public record UpdateGuest(long restaurantId, long guestId, long version, @Valid @NotNull GuestDetails details) {}
