package io.passerelle.restaurant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.passerelle.restaurant.Restaurant;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.AppRole;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.Sort;

/** Staff create restaurants, assign them to a reseller and set their time zone and language. */
@Route("restaurants")
@Menu(order = 80, title = "nav.restaurants", icon = "vaadin:shop")
@RolesAllowed({AppRole.ONBOARDING_NAME, AppRole.ADMIN_NAME})
class RestaurantListView extends VerticalLayout implements HasDynamicTitle {

    private final RestaurantService restaurants;
    private final TextField search = new TextField();
    private final Grid<Restaurant> grid = new Grid<>();

    RestaurantListView(RestaurantService restaurants) {
        this.restaurants = restaurants;
        setId("restaurant-list-view");
        setSizeFull();

        search.setId("restaurant-search");
        search.setPlaceholder(getTranslation("restaurant.search"));
        search.setAriaLabel(getTranslation("restaurant.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        var newRestaurant = new Button(getTranslation("restaurant.new"), VaadinIcon.PLUS.create(),
                click -> open(null));
        newRestaurant.setId("restaurant-new");
        newRestaurant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var newReseller = new Button(getTranslation("reseller.new"), click -> new ResellerDialog(restaurants,
                reseller -> notifySaved(getTranslation("reseller.saved", reseller.getName()))).open());
        newReseller.setId("reseller-new");

        var toolbar = new HorizontalLayout(search, newReseller, newRestaurant);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(search);

        grid.setId("restaurant-grid");
        grid.addColumn(Restaurant::getDisplayName).setKey("name").setHeader(getTranslation("restaurant.name"))
                .setSortProperty("name").setFlexGrow(3);
        grid.addColumn(r -> r.getReseller().getName()).setKey("reseller")
                .setHeader(getTranslation("restaurant.reseller")).setSortProperty("reseller.name").setFlexGrow(2);
        grid.addColumn(r -> r.getTimeZone().getId()).setKey("time-zone")
                .setHeader(getTranslation("restaurant.time-zone")).setSortProperty("timeZone");
        grid.addColumn(r -> RestaurantForm.languageName(r.getLocale(), getLocale())).setKey("locale")
                .setHeader(getTranslation("restaurant.locale"));
        grid.addComponentColumn(this::editButton).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("restaurant.list.empty"));
        grid.setItems(query -> restaurants.search(search.getValue(), PageRequests.of(query, Sort.by("name"))).stream());
        grid.addItemDoubleClickListener(click -> open(click.getItem()));

        add(toolbar, grid);
        expand(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.restaurants");
    }

    private Button editButton(Restaurant restaurant) {
        var edit = new Button(VaadinIcon.EDIT.create(), click -> open(restaurant));
        edit.setId("restaurant-edit-" + restaurant.getId());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        edit.setAriaLabel(getTranslation("action.edit"));
        edit.setTooltipText(getTranslation("action.edit"));
        return edit;
    }

    /** Opens the form on a fresh copy of the restaurant, or on a new one when given null. */
    private void open(Restaurant restaurant) {
        Restaurant editing = restaurant == null ? null : restaurants.getForEditing(restaurant.getId());
        new RestaurantForm(restaurants, editing, saved -> {
            grid.getDataProvider().refreshAll();
            notifySaved(getTranslation("restaurant.saved", saved.getDisplayName()));
        }).open();
    }

    private static void notifySaved(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
