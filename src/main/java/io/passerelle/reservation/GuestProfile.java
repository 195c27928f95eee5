package io.passerelle.reservation;

/**
 * A guest with what the book knows about them, next to the POS statistics the guest carries
 * (visits, covers, total spent, average spend per cover).
 */
public record GuestProfile(Guest guest, long reservations, long missedReservations) {}
