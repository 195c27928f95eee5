package io.passerelle.reservation.ui;

import com.vaadin.flow.component.html.Paragraph;

/** What the reservation book's views show to someone who has no restaurant to work on yet. */
class NoRestaurantSelected extends Paragraph {

    NoRestaurantSelected(String id) {
        setId(id);
        addClassName("empty-state");
        setText(getTranslation("reservation.no-restaurant"));
    }
}
