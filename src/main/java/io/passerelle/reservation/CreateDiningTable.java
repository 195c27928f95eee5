package io.passerelle.reservation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public record CreateDiningTable(long restaurantId, @Valid @NotNull DiningTableDetails details) {}
