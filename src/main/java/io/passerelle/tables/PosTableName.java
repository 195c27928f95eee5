package io.passerelle.tables;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A table name a POS connection uses, with the dining table it stands for.
 *
 * @param tableId           the dining table, or null when unmatched
 * @param unlinkedOnPurpose a person unlinked it: no exact namesake links it again by itself
 * @param reported          the POS listed it with {@code PUT /tables}
 * @param unmappedEvents    how many accepted events named it while it stood for no table
 * @param lastUnmappedAt    the last of those, or null
 * @param suggestions       close dining-table names, closest first (for an unmatched name only)
 */
public record PosTableName(String name, LinkState state, Long tableId, String tableName, boolean unlinkedOnPurpose,
        boolean reported, int unmappedEvents, Instant lastUnmappedAt, List<Suggestion> suggestions) {

    public boolean isUnmatched() {
        return state == LinkState.UNMATCHED;
    }

    /** The suggestion to take without asking which: the only one of the closest kind. */
    public Optional<Suggestion> clearSuggestion() {
        if (suggestions.isEmpty()) {
            return Optional.empty();
        }
        Suggestion best = suggestions.getFirst();
        return suggestions.stream().filter(other -> other.similarity() == best.similarity()).count() == 1
                ? Optional.of(best) : Optional.empty();
    }

    /** A dining table whose name is close to the POS's. */
    public record Suggestion(long tableId, String tableName, Similarity similarity) {}
}
