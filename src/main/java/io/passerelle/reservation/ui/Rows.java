package io.passerelle.reservation.ui;

import com.vaadin.flow.component.grid.Grid;
import java.util.function.Consumer;

/** Grids whose rows open something. */
final class Rows {

    private Rows() {}

    /**
     * Opens a row when it is selected, by mouse or keyboard (Space), then clears the selection so
     * that the same row can be opened again.
     */
    static <T> void openOnSelect(Grid<T> grid, Consumer<T> open) {
        grid.asSingleSelect().addValueChangeListener(selection -> {
            T row = selection.getValue();
            if (row != null) {
                grid.deselectAll();
                open.accept(row);
            }
        });
    }
}
