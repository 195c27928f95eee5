package io.passerelle.reservation.ui;

import com.vaadin.flow.component.html.Span;
import io.passerelle.reservation.ReservationStatus;

/** A reservation status as a coloured badge (colours in styles.css, keyed on data-status). */
class StatusBadge extends Span {

    StatusBadge(ReservationStatus status) {
        addClassName("status-badge");
        getElement().setAttribute("data-status", status.name());
        setText(getTranslation(labelKey(status)));
    }

    static String labelKey(ReservationStatus status) {
        return "reservation.status." + status.name();
    }
}
