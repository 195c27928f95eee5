package io.passerelle.reservation;

import java.time.Instant;

/**
 * A reservation as it travels to a POS, detached from the persistence context: everything the wire body
 * needs, guest and table name included. For machine readers (the sync engine).
 *
 * @param tableId   null when no table is assigned
 * @param tableName the dining table's own name; null when no table is assigned
 * @param guest     null for a walk-in without a name
 */
public record ReservationSnapshot(long id, long restaurantId, long version, ReservationStatus status, Instant start,
        int partySize, String notes, Long tableId, String tableName, GuestSnapshot guest, Instant updatedAt) {

    public record GuestSnapshot(long id, String firstName, String lastName, String mobile, String email) {}

    static ReservationSnapshot of(Reservation reservation) {
        Guest guest = reservation.getGuest();
        return new ReservationSnapshot(reservation.getId(), reservation.getRestaurantId(), reservation.getVersion(),
                reservation.getStatus(), reservation.getStart(), reservation.getPartySize(), reservation.getNotes(),
                reservation.getTable() == null ? null : reservation.getTable().getId(),
                reservation.getTable() == null ? null : reservation.getTable().getName(),
                guest == null ? null : new GuestSnapshot(guest.getId(), guest.getFirstName(), guest.getLastName(),
                        guest.getMobile(), guest.getEmail()),
                reservation.getUpdatedAt());
    }
}
