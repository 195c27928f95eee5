package io.passerelle.reservation;

/**
 * A dining table was created or renamed: POS table names that follow their exact namesake may now stand for
 * another table.
 *
 * @param previousName null for a new table
 */
public record DiningTableNamed(long restaurantId, long tableId, String previousName, String name) {}
