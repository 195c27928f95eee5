package io.passerelle.reservation;

/** A dining table was deleted, and the links of POS table names to it with it: those names stand for none now. */
public record DiningTableDeleted(long restaurantId, long tableId) {}
