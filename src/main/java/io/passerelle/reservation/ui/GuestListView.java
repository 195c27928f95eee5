package io.passerelle.reservation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.passerelle.reservation.Guest;
import io.passerelle.reservation.GuestService;
import io.passerelle.reservation.ReservationService;
import io.passerelle.restaurant.CurrentRestaurant;
import io.passerelle.restaurant.RestaurantRef;
import jakarta.annotation.security.PermitAll;
import org.springframework.data.domain.PageRequest;

/** The current restaurant's guests; a click opens the guest's profile. */
@Route("guests")
@Menu(order = 20, title = "nav.guests", icon = "vaadin:users")
@PermitAll
class GuestListView extends VerticalLayout implements HasDynamicTitle {

    private final GuestService guests;
    private final ReservationService reservations;
    private final Grid<Guest> grid = new Grid<>();
    private final TextField search = new TextField();

    GuestListView(CurrentRestaurant currentRestaurant, GuestService guests, ReservationService reservations) {
        this.guests = guests;
        this.reservations = reservations;
        setId("guest-list-view");
        setSizeFull();
        currentRestaurant.get().ifPresentOrElse(this::showGuests,
                () -> add(new NoRestaurantSelected("guests-no-restaurant")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.guests");
    }

    private void showGuests(RestaurantRef restaurant) {
        var formats = new BookFormats(getLocale(), restaurant);
        search.setId("guests-search");
        search.setAriaLabel(getTranslation("action.search"));
        search.setPlaceholder(getTranslation("guest.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        var create = new Button(getTranslation("guest.new"), VaadinIcon.PLUS.create(), click -> {
            var dialog = new GuestDialog(guests, restaurant.id(), null);
            dialog.addGuestSavedListener(saved -> grid.getDataProvider().refreshAll());
            dialog.open();
        });
        create.setId("guest-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var toolbar = new HorizontalLayout(search, create);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("guests-grid");
        grid.setSizeFull();
        grid.addColumn(Guest::getFullName).setKey("name").setHeader(getTranslation("guest.name")).setFlexGrow(2);
        grid.addColumn(Guest::getMobile).setKey("mobile").setHeader(getTranslation("guest.mobile"));
        grid.addColumn(Guest::getEmail).setKey("email").setHeader(getTranslation("guest.email")).setFlexGrow(2);
        grid.addColumn(Guest::getVisits).setKey("visits").setHeader(getTranslation("guest.visits"));
        grid.addColumn(guest -> formats.money(guest.getTotalSpent()))
                .setKey("totalSpent").setHeader(getTranslation("guest.total-spent"));
        grid.setEmptyStateText(getTranslation("guest.none"));
        grid.setItems(query -> guests.page(restaurant.id(), search.getValue(),
                PageRequest.of(query.getPage(), query.getPageSize(), GuestService.BY_NAME)).stream());
        Rows.openOnSelect(grid, guest -> {
            var profile = new GuestProfileDialog(guests, reservations, restaurant, guest.getId(), formats);
            profile.addGuestSavedListener(saved -> grid.getDataProvider().refreshAll());
            profile.open();
        });
        add(toolbar, grid);
    }
}
