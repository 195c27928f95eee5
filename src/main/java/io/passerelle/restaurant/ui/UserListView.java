package io.passerelle.restaurant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import io.passerelle.restaurant.Reseller;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.AppRole;
import io.passerelle.security.CurrentUser;
import io.passerelle.security.UserAccountService;
import io.passerelle.security.UserSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;

/**
 * Staff invite people, set their role and what they may see, and disable accounts. Lives with the
 * restaurants because giving access means choosing restaurants and resellers.
 */
@Route("users")
@Menu(order = 90, title = "nav.users", icon = "vaadin:user-card")
@RolesAllowed({AppRole.ONBOARDING_NAME, AppRole.ADMIN_NAME})
class UserListView extends VerticalLayout implements HasDynamicTitle {

    private final UserAccountService accounts;
    private final RestaurantService restaurants;
    private final long myUserId;
    private final Set<AppRole> manageableRoles;
    private final Map<Long, String> resellerNames;
    private final TextField search = new TextField();
    private final Grid<UserSummary> grid = new Grid<>();

    UserListView(UserAccountService accounts, RestaurantService restaurants, CurrentUser currentUser) {
        this.accounts = accounts;
        this.restaurants = restaurants;
        this.myUserId = currentUser.require().userId();
        this.manageableRoles = accounts.grantableRoles();
        this.resellerNames = restaurants.resellers().stream()
                .collect(Collectors.toMap(Reseller::getId, Reseller::getName));
        setId("user-list-view");
        setSizeFull();

        search.setId("user-search");
        search.setPlaceholder(getTranslation("user.search"));
        search.setAriaLabel(getTranslation("user.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        var invite = new Button(getTranslation("user.new"), VaadinIcon.PLUS.create(),
                click -> new UserForm(accounts, restaurants, null, this::refresh).open());
        invite.setId("user-new");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        var toolbar = new HorizontalLayout(search, invite);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(search);

        grid.setId("user-grid");
        grid.addColumn(UserSummary::displayName).setKey("name").setHeader(getTranslation("user.display-name"))
                .setSortProperty("displayName").setFlexGrow(2);
        grid.addColumn(UserSummary::email).setKey("email").setHeader(getTranslation("user.email"))
                .setSortProperty("email").setFlexGrow(2);
        grid.addColumn(u -> getTranslation("role." + u.role().name())).setKey("role")
                .setHeader(getTranslation("user.role")).setSortProperty("role");
        grid.addColumn(u -> u.resellerId() == null ? "" : resellerNames.getOrDefault(u.resellerId(), ""))
                .setKey("reseller").setHeader(getTranslation("user.reseller"));
        grid.addColumn(UserSummary::restaurantCount).setKey("restaurants")
                .setHeader(getTranslation("user.restaurants")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> getTranslation(u.enabled() ? "user.status.enabled" : "user.status.disabled"))
                .setKey("enabled").setHeader(getTranslation("user.status")).setSortProperty("enabled")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("user.list.empty"));
        grid.setItems(query -> accounts.search(search.getValue(), PageRequests.of(query, Sort.by("displayName")))
                .stream());

        add(toolbar, grid);
        expand(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users");
    }

    /** Staff accounts are only editable by administrators, and nobody disables themselves. */
    private Component actions(UserSummary user) {
        var actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (!manageableRoles.contains(user.role())) {
            return actions;
        }
        var edit = new Button(VaadinIcon.EDIT.create(), click -> new UserForm(accounts, restaurants,
                accounts.getForEditing(user.id()), this::refresh).open());
        edit.setId("user-edit-" + user.id());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        edit.setAriaLabel(getTranslation("action.edit"));
        edit.setTooltipText(getTranslation("action.edit"));
        actions.add(edit);
        if (user.id() != myUserId) {
            String action = user.enabled() ? "disable" : "enable";
            var toggle = new Button(getTranslation("user." + action), click -> confirmEnabled(user, !user.enabled()));
            toggle.setId("user-" + action + "-" + user.id());
            toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            if (user.enabled()) {
                toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            actions.add(toggle);
        }
        return actions;
    }

    private void confirmEnabled(UserSummary user, boolean enabled) {
        String action = enabled ? "enable" : "disable";
        var confirm = new ConfirmDialog();
        confirm.setId("user-enabled-confirm");
        confirm.setHeader(getTranslation("user." + action + ".title", user.displayName()));
        confirm.setText(getTranslation("user." + action + ".text", user.displayName(), user.email()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("user." + action));
        if (!enabled) {
            confirm.setConfirmButtonTheme("error primary");
        }
        confirm.addConfirmListener(confirmed -> {
            accounts.setEnabled(user.id(), enabled);
            refresh();
            Notification.show(getTranslation("user." + action + ".done", user.displayName()), 3000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        confirm.open();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
