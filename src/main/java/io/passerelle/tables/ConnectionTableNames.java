package io.passerelle.tables;

import java.util.List;

/** One POS connection's table names side by side with the restaurant's dining tables. */
public record ConnectionTableNames(long connectionId, String partnerName, List<PosTableName> posNames,
        List<DiningTableLinks> tables) {

    public long unmatchedPosNames() {
        return posNames.stream().filter(PosTableName::isUnmatched).count();
    }

    public long unmatchedTables() {
        return tables.stream().filter(DiningTableLinks::isUnmatched).count();
    }
}
