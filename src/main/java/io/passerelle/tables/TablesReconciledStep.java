package io.passerelle.tables;

import io.passerelle.health.TablesReconciliationCheck;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The onboarding checklist's "tables reconciled": every table name the POS uses stands for one of the
 * restaurant's tables. Unknown until the POS has named a table (listed them, or used one in an event).
 */
@Component
class TablesReconciledStep implements TablesReconciliationCheck {

    private final TableNameService tableNames;

    TablesReconciledStep(TableNameService tableNames) {
        this.tableNames = tableNames;
    }

    @Override
    public Optional<Boolean> reconciled(long restaurantId, long connectionId) {
        return tableNames.reconciliation(restaurantId).stream()
                .filter(connection -> connection.connectionId() == connectionId)
                .filter(connection -> !connection.posNames().isEmpty())
                .findFirst()
                .map(connection -> connection.unmatchedPosNames() == 0);
    }
}
