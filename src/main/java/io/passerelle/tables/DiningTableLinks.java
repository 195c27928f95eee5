package io.passerelle.tables;

import java.util.List;

/** A dining table of the restaurant with the POS names that stand for it; none: the POS never names it. */
public record DiningTableLinks(long tableId, String name, int seats, List<String> posNames) {

    public boolean isUnmatched() {
        return posNames.isEmpty();
    }
}
