package io.passerelle.reservation.ui;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.shared.Registration;
import io.passerelle.reservation.Guest;
import io.passerelle.reservation.GuestOrder;
import io.passerelle.reservation.GuestProfile;
import io.passerelle.reservation.GuestService;
import io.passerelle.reservation.PosOrderItem;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationFilter;
import io.passerelle.reservation.ReservationService;
import io.passerelle.restaurant.RestaurantRef;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;

/**
 * A guest's profile: contact details, what their bills add up to (from the POS), their
 * reservations and their orders with the lines the POS sent, newest first. "Edit" opens the guest form; saving it refreshes the profile.
 */
class GuestProfileDialog extends Dialog {

    private final GuestService guests;
    private final RestaurantRef restaurant;
    private final long guestId;
    private final BookFormats formats;
    private final FormLayout details = new FormLayout();

    GuestProfileDialog(GuestService guests, ReservationService reservations, RestaurantRef restaurant, long guestId,
            BookFormats formats) {
        this.guests = guests;
        this.restaurant = restaurant;
        this.guestId = guestId;
        this.formats = formats;
        setId("guest-profile");
        setWidth("min(48em, 100%)");

        var history = new Grid<Reservation>();
        history.setId("guest-profile-reservations");
        history.setAllRowsVisible(true);
        history.addColumn(reservation -> formats.dateTime(reservation.getStart()))
                .setKey("start").setHeader(getTranslation("reservation.start")).setAutoWidth(true);
        history.addColumn(Reservation::getPartySize)
                .setKey("partySize").setHeader(getTranslation("reservation.party-size"));
        history.addComponentColumn(reservation -> new StatusBadge(reservation.getStatus()))
                .setKey("status").setHeader(getTranslation("reservation.status"));
        history.setEmptyStateText(getTranslation("reservation.none"));
        history.setPageSize(20);
        history.setItems(query -> reservations.page(restaurant.id(), ReservationFilter.ofGuest(guestId),
                PageRequest.of(query.getPage(), query.getPageSize())).stream());

        add(details, new H4(getTranslation("guest.reservations")), history, new H4(getTranslation("guest.orders")),
                orders(guests, restaurant, guestId, formats));
        var edit = new Button(getTranslation("action.edit"), click -> edit());
        edit.setId("guest-profile-edit");
        var close = new Button(getTranslation("action.close"), click -> close());
        close.setId("guest-profile-close");
        getFooter().add(edit, close);
        showProfile();
    }

    /** The bills as the POS sent them; a row opens its lines. */
    private Grid<GuestOrder> orders(GuestService guests, RestaurantRef restaurant, long guestId, BookFormats formats) {
        var orders = new Grid<GuestOrder>();
        orders.setId("guest-profile-orders");
        orders.setAllRowsVisible(true);
        orders.addColumn(order -> formats.dateTime(order.openedAt()))
                .setKey("opened").setHeader(getTranslation("guest.order.opened")).setAutoWidth(true);
        orders.addColumn(GuestOrder::tableName).setKey("table").setHeader(getTranslation("reservation.table"));
        orders.addColumn(GuestOrder::covers).setKey("covers").setHeader(getTranslation("guest.covers"));
        orders.addColumn(order -> order.items().stream()
                        .map(item -> getTranslation("guest.order.item", item.quantity(), item.name()))
                        .collect(Collectors.joining(", ")))
                .setKey("items").setHeader(getTranslation("guest.order.items")).setFlexGrow(3);
        orders.addColumn(order -> order.isClosed() ? formats.money(order.total(), order.currency())
                        : getTranslation("guest.order.open"))
                .setKey("total").setHeader(getTranslation("guest.order.total")).setTextAlign(ColumnTextAlign.END);
        orders.setItemDetailsRenderer(new ComponentRenderer<>(order -> orderLines(order, formats)));
        orders.setEmptyStateText(getTranslation("guest.order.none"));
        orders.setPageSize(20);
        orders.setItems(query -> guests.orders(restaurant.id(), guestId,
                PageRequest.of(query.getPage(), query.getPageSize(), GuestService.ORDERS_NEWEST_FIRST)).stream());
        return orders;
    }

    private Div orderLines(GuestOrder order, BookFormats formats) {
        var lines = new Div();
        lines.addClassName("order-lines");
        for (PosOrderItem item : order.items()) {
            lines.add(new Div(getTranslation("guest.order.line", item.quantity(), item.name(),
                    formats.money(item.unitPrice(), order.currency()),
                    formats.money(item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())), order.currency()))));
        }
        return lines;
    }

    private void showProfile() {
        GuestProfile profile = guests.profile(restaurant.id(), guestId);
        Guest guest = profile.guest();
        setHeaderTitle(guest.getFullName());
        details.removeAll();
        details.addFormItem(value("mobile", Objects.requireNonNullElse(guest.getMobile(), "")),
                getTranslation("guest.mobile"));
        details.addFormItem(value("email", Objects.requireNonNullElse(guest.getEmail(), "")),
                getTranslation("guest.email"));
        details.addFormItem(value("visits", String.valueOf(guest.getVisits())), getTranslation("guest.visits"));
        details.addFormItem(value("covers", String.valueOf(guest.getCovers())), getTranslation("guest.covers"));
        details.addFormItem(value("total-spent", formats.money(guest.getTotalSpent())),
                getTranslation("guest.total-spent"));
        details.addFormItem(value("average", guest.getAverageSpendPerCover() == null
                ? getTranslation("guest.average.none")
                : formats.money(guest.getAverageSpendPerCover())), getTranslation("guest.average"));
        details.addFormItem(value("reservations", getTranslation("guest.reservation-count", profile.reservations(),
                profile.missedReservations())), getTranslation("guest.reservations"));
    }

    private static Span value(String id, String text) {
        var value = new Span(text);
        value.setId("guest-profile-" + id);
        return value;
    }

    private void edit() {
        var dialog = new GuestDialog(guests, restaurant.id(), guests.get(restaurant.id(), guestId));
        dialog.addGuestSavedListener(saved -> {
            showProfile();
            fireEvent(saved);
        });
        dialog.open();
    }

    /** Relays the edit dialog's event, so that the list behind the profile can refresh too. */
    Registration addGuestSavedListener(ComponentEventListener<GuestDialog.GuestSaved> listener) {
        return addListener(GuestDialog.GuestSaved.class, listener);
    }
}
