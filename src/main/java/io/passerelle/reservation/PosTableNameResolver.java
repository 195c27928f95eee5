package io.passerelle.reservation;

import java.util.Optional;

/**
 * Which dining table a POS means by one of its table names. The table-name reconciliation ({@code tables} module)
 * knows, and implements this; the reservation book asks it to keep the tables of past orders in step with the links.
 */
public interface PosTableNameResolver {

    /** Empty when the name stands for no table (unlinked on purpose, or matching none). */
    Optional<Long> resolve(long restaurantId, long connectionId, String posName);
}
