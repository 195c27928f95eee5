package io.passerelle.reservation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Rename a table, change its seats or move it to another room. */
public record UpdateDiningTable(long restaurantId, long tableId, @Valid @NotNull DiningTableDetails details) {}
