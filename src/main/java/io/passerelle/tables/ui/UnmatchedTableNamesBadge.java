package io.passerelle.tables.ui;

import io.passerelle.shell.NavigationBadge;
import io.passerelle.tables.TableNameService;
import org.springframework.stereotype.Component;

/** The navigation shows how many POS table names stand for no table of the current restaurant. */
@Component
class UnmatchedTableNamesBadge implements NavigationBadge {

    private final TableNameService tableNames;

    UnmatchedTableNamesBadge(TableNameService tableNames) {
        this.tableNames = tableNames;
    }

    @Override
    public String route() {
        return TableNamesView.ROUTE;
    }

    @Override
    public long count(long restaurantId) {
        return tableNames.unmatchedCount(restaurantId);
    }

    @Override
    public String labelKey() {
        return "table-names.badge";
    }
}
