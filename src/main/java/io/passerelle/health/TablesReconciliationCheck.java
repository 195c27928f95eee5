package io.passerelle.health;

import java.util.Optional;

/**
 * Whether the POS's table names are all matched to the restaurant's tables: the "tables reconciled" step of
 * the onboarding checklist. The table-name reconciliation feature ({@code tables} module) implements it as a
 * bean; until one exists the step shows "not checked yet".
 */
public interface TablesReconciliationCheck {

    /** Empty when it cannot tell yet (e.g. the POS never sent its tables). Called with the tenant wall passed. */
    Optional<Boolean> reconciled(long restaurantId, long connectionId);
}
