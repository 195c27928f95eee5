package io.passerelle.reservation;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Which dining table a POS means by one of its table names, and the other way round. The table-name reconciliation
 * ({@code tables} module) knows, and implements this; the reservation book asks it to keep the tables of past orders
 * in step with the links, and whoever sends a reservation's table to a POS asks for the POS's name of it.
 */
public interface PosTableNameResolver {

    /** Empty when the name stands for no table (unlinked on purpose, or matching none). */
    Optional<Long> resolve(long restaurantId, long connectionId, String posName);

    /**
     * The POS name a person linked to each of these dining tables, in one query; a table with none is left out
     * (the POS knows it by its own name, as an unlinked name resolves to its namesake). Several: the first by name.
     */
    Map<Long, String> linkedPosNames(long restaurantId, long connectionId, Collection<Long> tableIds);
}
