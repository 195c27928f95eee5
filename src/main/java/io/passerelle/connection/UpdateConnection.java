package io.passerelle.connection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public record UpdateConnection(long restaurantId, long connectionId, @NotNull @Valid ConnectionDetails details) {}
