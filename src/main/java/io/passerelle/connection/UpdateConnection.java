package io.passerelle.connection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Every field of the connection dialog. {@code version} is the version the dialog read: if the connection changed
 * since (another user, the sync engine disabling it), the update is refused rather than write back stale values.
 */
public record UpdateConnection(long restaurantId, long connectionId, long version,
        @NotNull @Valid ConnectionDetails details) {}
