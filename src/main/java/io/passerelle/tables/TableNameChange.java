package io.passerelle.tables;

import java.util.List;

/** What a person changed on the reconciliation screen, with what it takes to undo it. */
public sealed interface TableNameChange {

    long restaurantId();

    /**
     * A POS name linked or unlinked.
     *
     * @param hadLinkBefore a person had decided about the name before (else it followed its exact namesake)
     * @param tableBefore   the table it was linked to then; null: unlinked
     * @param tableAfter    the table the change linked it to; null: unlinked (undo is refused once that changed)
     */
    record LinkChange(long restaurantId, long connectionId, String posName, boolean hadLinkBefore, Long tableBefore,
            Long tableAfter) implements TableNameChange {}

    /** A dining table renamed (to the POS's name). */
    record TableRename(long restaurantId, long tableId, String nameBefore, String nameAfter)
            implements TableNameChange {}

    /** Several changes made at once (all suggestions accepted, one per name); undone together, last first. */
    record Several(long restaurantId, List<TableNameChange> changes) implements TableNameChange {}
}
