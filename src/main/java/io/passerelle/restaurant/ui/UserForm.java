package io.passerelle.restaurant.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import io.passerelle.restaurant.Reseller;
import io.passerelle.restaurant.Restaurant;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.AppRole;
import io.passerelle.security.CreateUserAccount;
import io.passerelle.security.UpdateUserAccount;
import io.passerelle.security.UserAccount;
import io.passerelle.security.UserAccountService;
import io.passerelle.shared.RuleViolationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Invites a person or changes their role and scope. An owner is given restaurants, support staff a
 * reseller; only the roles the current user may grant are offered. A new account's temporary password
 * is then shown once in an {@link InvitationDialog}.
 */
class UserForm extends Dialog {

    private final UserAccountService accounts;
    private final UserAccount editing;
    private final Runnable onSaved;
    private final TextField email = new TextField();
    private final TextField displayName = new TextField();
    private final Select<AppRole> role = new Select<>();
    private final ComboBox<Reseller> reseller = new ComboBox<>();
    private final MultiSelectComboBox<RestaurantRef> restaurantChoice = new MultiSelectComboBox<>();
    private final Binder<Draft> binder = new Binder<>();
    private final FieldErrors errors = new FieldErrors();
    private final Draft draft = new Draft();

    /** @param editing the account to change (with its restaurants loaded), or null to invite someone */
    UserForm(UserAccountService accounts, RestaurantService restaurants, UserAccount editing, Runnable onSaved) {
        this.accounts = accounts;
        this.editing = editing;
        this.onSaved = onSaved;
        setId("user-form");
        setHeaderTitle(getTranslation(editing == null ? "user.form.new" : "user.form.edit"));
        setWidth("40em");

        email.setId("user-email");
        email.setLabel(getTranslation("user.email"));
        email.setMaxLength(UserAccount.EMAIL_MAX_LENGTH);
        email.setRequiredIndicatorVisible(true);
        email.setI18n(new TextField.TextFieldI18n()
                .setRequiredErrorMessage(getTranslation("user.error.email-required"))
                .setMaxLengthErrorMessage(getTranslation("user.error.email-too-long", UserAccount.EMAIL_MAX_LENGTH)));
        // the e-mail is the login name: it is chosen once, at the invitation
        email.setReadOnly(editing != null);

        displayName.setId("user-display-name");
        displayName.setLabel(getTranslation("user.display-name"));
        displayName.setMaxLength(UserAccount.DISPLAY_NAME_MAX_LENGTH);
        displayName.setRequiredIndicatorVisible(true);
        displayName.setI18n(new TextField.TextFieldI18n()
                .setRequiredErrorMessage(getTranslation("user.error.display-name-required"))
                .setMaxLengthErrorMessage(getTranslation("user.error.display-name-too-long",
                        UserAccount.DISPLAY_NAME_MAX_LENGTH)));

        role.setId("user-role");
        role.setLabel(getTranslation("user.role"));
        role.setItems(accounts.grantableRoles());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.addValueChangeListener(change -> showScopeFieldsFor(change.getValue()));

        List<Reseller> resellers = restaurants.resellers();
        reseller.setId("user-reseller");
        reseller.setLabel(getTranslation("user.reseller"));
        reseller.setItems(resellers);
        reseller.setItemLabelGenerator(Reseller::getName);

        restaurantChoice.setId("user-restaurants");
        restaurantChoice.setLabel(getTranslation("user.restaurants"));
        restaurantChoice.setItemLabelGenerator(RestaurantRef::displayName);
        restaurantChoice.setItems(query -> restaurants
                .search(query.getFilter().orElse(null),
                        PageRequest.of(query.getPage(), query.getPageSize(), Sort.by("name", "id")))
                .map(Restaurant::toRef)
                .stream());

        binder.forField(email)
                .asRequired(getTranslation("user.error.email-required"))
                .withValidator(new EmailValidator(getTranslation("user.error.email-invalid")))
                .bind(Draft::getEmail, Draft::setEmail);
        binder.forField(displayName)
                .asRequired(getTranslation("user.error.display-name-required"))
                .withValidator(value -> !value.isBlank(), getTranslation("user.error.display-name-required"))
                .bind(Draft::getDisplayName, Draft::setDisplayName);
        binder.forField(role)
                .asRequired(getTranslation("user.error.role-required"))
                .bind(Draft::getRole, Draft::setRole);
        binder.forField(reseller)
                .withValidator(value -> role.getValue() != AppRole.RESELLER_SUPPORT || value != null,
                        getTranslation("user.error.support-needs-reseller"))
                .bind(Draft::getReseller, Draft::setReseller);
        binder.forField(restaurantChoice)
                .withValidator(value -> role.getValue() != AppRole.OWNER || !value.isEmpty(),
                        getTranslation("user.error.owner-needs-restaurant"))
                .bind(Draft::getRestaurants, Draft::setRestaurants);
        errors.on("email", email).on("displayName", displayName).on("role", role)
                .on("resellerId", reseller).on("restaurantIds", restaurantChoice);

        if (editing != null) {
            draft.setEmail(editing.getEmail());
            draft.setDisplayName(editing.getDisplayName());
            draft.setRole(editing.getRole());
            resellers.stream().filter(r -> r.getId().equals(editing.getResellerId())).findFirst()
                    .ifPresent(draft::setReseller);
            draft.setRestaurants(editing.getRestaurantIds().stream().map(restaurants::get)
                    .collect(Collectors.toSet()));
        } else {
            draft.setRole(AppRole.OWNER);
        }
        binder.readBean(draft);
        showScopeFieldsFor(role.getValue());

        var form = new FormLayout(email, displayName, role, reseller, restaurantChoice);
        form.setColspan(restaurantChoice, 2);
        add(form);

        var save = new Button(getTranslation(editing == null ? "user.invite" : "action.save"), click -> save());
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(form);
        var cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("user-cancel");
        getFooter().add(cancel, save);
    }

    private void showScopeFieldsFor(AppRole selected) {
        reseller.setVisible(selected == AppRole.RESELLER_SUPPORT);
        restaurantChoice.setVisible(selected == AppRole.OWNER);
    }

    private void save() {
        if (!binder.writeBeanIfValid(draft)) {
            return;
        }
        Long resellerId = draft.getReseller() == null ? null : draft.getReseller().getId();
        Set<Long> restaurantIds = draft.getRestaurants().stream().map(RestaurantRef::id).collect(Collectors.toSet());
        try {
            if (editing == null) {
                var invitation = accounts.invite(new CreateUserAccount(draft.getEmail(), draft.getDisplayName(),
                        draft.getRole(), resellerId, restaurantIds, null));
                close();
                new InvitationDialog(invitation).open();
            } else {
                accounts.update(new UpdateUserAccount(editing.getId(), draft.getDisplayName(), draft.getRole(),
                        resellerId, restaurantIds));
                close();
            }
            onSaved.run();
        } catch (RuleViolationException refused) {
            errors.show(refused);
        }
    }

    /** What the fields hold until the service accepts it. */
    private static final class Draft {
        private String email;
        private String displayName;
        private AppRole role;
        private Reseller reseller;
        private Set<RestaurantRef> restaurants = new HashSet<>();

        String getEmail() {
            return email;
        }

        void setEmail(String email) {
            this.email = email;
        }

        String getDisplayName() {
            return displayName;
        }

        void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        AppRole getRole() {
            return role;
        }

        void setRole(AppRole role) {
            this.role = role;
        }

        Reseller getReseller() {
            return reseller;
        }

        void setReseller(Reseller reseller) {
            this.reseller = reseller;
        }

        Set<RestaurantRef> getRestaurants() {
            return restaurants;
        }

        void setRestaurants(Set<RestaurantRef> restaurants) {
            this.restaurants = new HashSet<>(restaurants);
        }
    }
}
