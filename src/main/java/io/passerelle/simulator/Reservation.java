package io.passerelle.simulator;

import java.time.OffsetDateTime;

/** A reservation as Passerelle sends it, in a pull reply or a webhook body alike (PROTOCOL.md). */
record Reservation(
        String id,
        Long version,
        String status,
        OffsetDateTime start,
        Integer partySize,
        String notes,
        String table,
        Guest guest,
        OffsetDateTime updatedAt) {

    record Guest(String id, String firstName, String lastName, String mobile, String email) {}

    static final String CONFIRMED = "CONFIRMED";

    boolean isConfirmed() {
        return CONFIRMED.equals(status);
    }

    /** What a reservation needs before the till can file it. */
    void requireFileable() {
        if (id == null || id.isBlank() || version == null) {
            throw PosProblem.badRequest("a reservation needs an id and a version");
        }
    }
}
