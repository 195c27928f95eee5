package io.passerelle.reservation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.GuestService;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationFilter;
import io.passerelle.reservation.ReservationService;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.restaurant.CurrentRestaurant;
import io.passerelle.restaurant.RestaurantRef;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The current restaurant's reservation book: by default from yesterday to a week ahead (the window
 * the POS sync keeps fresh), filtered by days, statuses and text.
 */
@Route("reservations")
@Menu(order = 10, title = "nav.reservations", icon = "vaadin:calendar")
@PermitAll
class ReservationListView extends VerticalLayout implements HasDynamicTitle {

    private final ReservationService reservations;
    private final GuestService guests;
    private final DiningTableService tables;
    private final Clock clock;
    private final Grid<Reservation> grid = new Grid<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final MultiSelectComboBox<ReservationStatus> statuses = new MultiSelectComboBox<>();
    private final TextField text = new TextField();

    ReservationListView(CurrentRestaurant currentRestaurant, ReservationService reservations, GuestService guests,
            DiningTableService tables, Clock clock) {
        this.reservations = reservations;
        this.guests = guests;
        this.tables = tables;
        this.clock = clock;
        setId("reservation-list-view");
        setSizeFull();
        currentRestaurant.get().ifPresentOrElse(this::showBook,
                () -> add(new NoRestaurantSelected("reservations-no-restaurant")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.reservations");
    }

    private void showBook(RestaurantRef restaurant) {
        LocalDate today = LocalDate.now(clock.withZone(restaurant.timeZone()));
        from.setId("reservation-filter-from");
        from.setLabel(getTranslation("reservation.filter.from"));
        from.setValue(today.minusDays(1));
        to.setId("reservation-filter-to");
        to.setLabel(getTranslation("reservation.filter.to"));
        to.setValue(today.plusDays(7));
        statuses.setId("reservation-filter-status");
        statuses.setLabel(getTranslation("reservation.status"));
        statuses.setItems(ReservationStatus.values());
        statuses.setItemLabelGenerator(status -> getTranslation(StatusBadge.labelKey(status)));
        statuses.setClearButtonVisible(true);
        text.setId("reservation-filter-text");
        text.setLabel(getTranslation("action.search"));
        text.setPlaceholder(getTranslation("reservation.filter.text"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        var create = new Button(getTranslation("reservation.new"), VaadinIcon.PLUS.create(),
                click -> open(restaurant, null));
        create.setId("reservation-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var toolbar = new HorizontalLayout(from, to, statuses, text, create);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);

        configureGrid(restaurant);
        for (var filter : List.of(from, to)) {
            filter.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        }
        statuses.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        text.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        add(toolbar, grid);
    }

    private void configureGrid(RestaurantRef restaurant) {
        var formats = new BookFormats(getLocale(), restaurant);
        grid.setId("reservations-grid");
        grid.setSizeFull();
        var start = grid.addColumn(reservation -> formats.dateTime(reservation.getStart()))
                .setKey("start").setHeader(getTranslation("reservation.start"))
                .setSortProperty("start").setAutoWidth(true);
        grid.addColumn(reservation -> reservation.getGuest() == null ? "" : reservation.getGuest().getFullName())
                .setKey("guest").setHeader(getTranslation("reservation.guest")).setFlexGrow(2);
        grid.addColumn(Reservation::getPartySize)
                .setKey("partySize").setHeader(getTranslation("reservation.party-size")).setSortProperty("partySize");
        grid.addColumn(reservation -> reservation.getTable() == null ? "" : reservation.getTable().getName())
                .setKey("table").setHeader(getTranslation("reservation.table"));
        grid.addComponentColumn(reservation -> new StatusBadge(reservation.getStatus()))
                .setKey("status").setHeader(getTranslation("reservation.status"));
        grid.addColumn(reservation -> getTranslation("reservation.source." + reservation.getSource().name()))
                .setKey("source").setHeader(getTranslation("reservation.source"));
        grid.setEmptyStateText(getTranslation("reservation.none"));
        grid.setItems(query -> reservations.page(restaurant.id(), filter(),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.sort(List.of(new GridSortOrder<>(start, SortDirection.ASCENDING)));
        // the row may be older than the reservation: edit what is stored now
        Rows.openOnSelect(grid, row -> open(restaurant, reservations.get(restaurant.id(), row.getId())));
    }

    private ReservationFilter filter() {
        return new ReservationFilter(from.getValue(), to.getValue(), statuses.getValue(), text.getValue(), null);
    }

    private void open(RestaurantRef restaurant, Reservation reservation) {
        var form = new ReservationForm(reservations, guests, tables, restaurant, reservation, clock);
        form.addReservationSavedListener(saved -> grid.getDataProvider().refreshAll());
        form.open();
    }
}
