package io.passerelle.restaurant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import io.passerelle.KaribuTest;
import io.passerelle.TestFixtures;
import io.passerelle.restaurant.Reseller;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.security.AppRole;
import io.passerelle.security.UserAccount;
import io.passerelle.security.UserAccountService;
import io.passerelle.security.UserSummary;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class UserListViewTest extends KaribuTest {

    @Autowired
    UserAccountService accounts;

    @Autowired
    AuthenticationManager authenticationManager;

    private TestFixtures.Tenant tenant;
    private UserAccount onboarding;

    @BeforeEach
    void createTenantAndStaff() {
        tenant = fixtures.tenant();
        onboarding = fixtures.staff(AppRole.ONBOARDING);
    }

    @Test
    void invitingAnOwnerShowsTheTemporaryPasswordOnceAndItWorks() {
        openAs(onboarding);
        String email = TestFixtures.unique("owner") + "@trattoria.example";
        _click(button("user-new"));
        setAsUser(textField("user-email"), email);
        setAsUser(textField("user-display-name"), "Maria Rossi");
        setAsUser(roleField(), AppRole.OWNER);
        setAsUser(restaurantsField(), Set.of(tenant.restaurant().toRef()));
        _click(button("user-save"));

        _assertNone(Dialog.class, spec -> spec.withId("user-form"));
        _assertOne(Dialog.class, spec -> spec.withId("invitation-dialog"));
        _assertOne(Button.class, spec -> spec.withId("invitation-copy"));
        TextField password = textField("invitation-password");
        assertThat(password.isReadOnly()).isTrue();
        assertThat(password.getValue()).hasSize(16);
        var authenticated = authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(email, password.getValue()));
        assertThat(authenticated.isAuthenticated()).isTrue();

        _click(button("invitation-close"));
        _assertNone(Dialog.class, spec -> spec.withId("invitation-dialog"));
        _assertNone(TextField.class, spec -> spec.withId("invitation-password"));

        setAsUser(textField("user-search"), email);
        Grid<UserSummary> grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(grid, 0, "role")).isEqualTo(grid.getTranslation("role.OWNER"));
        assertThat(GridKt._getFormatted(grid, 0, "restaurants")).isEqualTo("1");
        assertThat(GridKt._getFormatted(grid, 0, "enabled")).isEqualTo(grid.getTranslation("user.status.enabled"));
    }

    @Test
    void invalidEmailIsShownNextToTheFieldAndNobodyIsInvited() {
        openAs(onboarding);
        String name = TestFixtures.unique("Nobody");
        _click(button("user-new"));
        setAsUser(textField("user-email"), "not-an-email");
        setAsUser(textField("user-display-name"), name);
        setAsUser(restaurantsField(), Set.of(tenant.restaurant().toRef()));
        _click(button("user-save"));

        TextField email = textField("user-email");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo(email.getTranslation("user.error.email-invalid"));
        _assertNone(Dialog.class, spec -> spec.withId("invitation-dialog"));
        assertThat(fixtures.runAs(onboarding, () -> accounts.search(name, Pageable.ofSize(5))))
                .isEmpty();
    }

    @Test
    void takenEmailIsShownOnTheEmailField() {
        openAs(onboarding);
        _click(button("user-new"));
        setAsUser(textField("user-email"), tenant.owner().getEmail().toUpperCase());
        setAsUser(textField("user-display-name"), "Someone Else");
        setAsUser(restaurantsField(), Set.of(tenant.sibling().toRef()));
        _click(button("user-save"));

        TextField email = textField("user-email");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo(email.getTranslation("user.error.email-taken"));
        _assertOne(Dialog.class, spec -> spec.withId("user-form"));
        _assertNone(Dialog.class, spec -> spec.withId("invitation-dialog"));
    }

    @Test
    void ownerWithoutRestaurantIsRefusedOnTheRestaurantsField() {
        openAs(onboarding);
        _click(button("user-new"));
        setAsUser(textField("user-email"), TestFixtures.unique("owner") + "@test.example");
        setAsUser(textField("user-display-name"), "No Restaurant");
        _click(button("user-save"));

        MultiSelectComboBox<RestaurantRef> restaurants = restaurantsField();
        assertThat(restaurants.isInvalid()).isTrue();
        assertThat(restaurants.getErrorMessage())
                .isEqualTo(restaurants.getTranslation("user.error.owner-needs-restaurant"));
    }

    @Test
    void supportStaffAreGivenAResellerNotRestaurants() {
        openAs(onboarding);
        String email = TestFixtures.unique("support") + "@cassa.example";
        _click(button("user-new"));
        setAsUser(roleField(), AppRole.RESELLER_SUPPORT);
        _assertNone(MultiSelectComboBox.class, spec -> spec.withId("user-restaurants"));
        assertThat(resellerField().isVisible()).isTrue();
        setAsUser(textField("user-email"), email);
        setAsUser(textField("user-display-name"), "Help Desk");
        ComboBox<Reseller> reseller = resellerField();
        setAsUser(reseller, ComboBoxKt.getSuggestionItems(reseller).stream()
                .filter(r -> r.getId() == tenant.resellerId()).findFirst().orElseThrow());
        _click(button("user-save"));
        _click(button("invitation-close"));

        setAsUser(textField("user-search"), email);
        assertThat(GridKt._getFormatted(grid(), 0, "reseller"))
                .isEqualTo(tenant.restaurant().getReseller().getName());
        assertThat(GridKt._getFormatted(grid(), 0, "restaurants")).isEqualTo("0");
    }

    @Test
    void onboardingCannotGrantStaffRolesNorManageStaffAccounts() {
        UserAccount admin = fixtures.staff(AppRole.ADMIN);
        openAs(onboarding);
        _click(button("user-new"));
        assertThat(ComboBoxKt.getSuggestionItems(roleField()))
                .containsExactly(AppRole.OWNER, AppRole.RESELLER_SUPPORT);
        _click(button("user-cancel"));

        setAsUser(textField("user-search"), admin.getEmail());
        var actions = (Component) GridKt._getCellComponent(grid(), 0, "actions");
        assertThat(_find(actions, Button.class)).as("no edit or disable on an administrator").isEmpty();
    }

    @Test
    void administratorMayGrantEveryRole() {
        openAs(fixtures.staff(AppRole.ADMIN));
        _click(button("user-new"));
        assertThat(ComboBoxKt.getSuggestionItems(roleField())).containsExactly(AppRole.values());
    }

    @Test
    void editingChangesDisplayNameAndRestaurants() {
        openAs(onboarding);
        UserAccount owner = tenant.owner();
        setAsUser(textField("user-search"), owner.getEmail());
        _click(rowButton("user-edit-" + owner.getId()));

        assertThat(textField("user-email").isReadOnly()).isTrue();
        assertThat(restaurantsField().getValue()).containsExactly(tenant.restaurant().toRef());
        setAsUser(textField("user-display-name"), "Maria Bianchi");
        setAsUser(restaurantsField(), Set.of(tenant.restaurant().toRef(), tenant.sibling().toRef()));
        _click(button("user-save"));

        _assertNone(Dialog.class, spec -> spec.withId("user-form"));
        assertThat(GridKt._getFormatted(grid(), 0, "name")).isEqualTo("Maria Bianchi");
        assertThat(GridKt._getFormatted(grid(), 0, "restaurants")).isEqualTo("2");
    }

    @Test
    void disablingAsksForConfirmationAndThenRefusesTheirLogin() {
        openAs(onboarding);
        UserAccount owner = tenant.owner();
        setAsUser(textField("user-search"), owner.getEmail());

        _click(rowButton("user-disable-" + owner.getId()));
        ConfirmDialogKt._fireCancel(byId(ConfirmDialog.class, "user-enabled-confirm"));
        assertThat(fixtures.authenticate(owner).isAuthenticated()).as("cancel changes nothing").isTrue();

        _click(rowButton("user-disable-" + owner.getId()));
        ConfirmDialogKt._fireConfirm(byId(ConfirmDialog.class, "user-enabled-confirm"));

        assertThat(GridKt._getFormatted(grid(), 0, "enabled")).isEqualTo(grid().getTranslation("user.status.disabled"));
        assertThatThrownBy(() -> fixtures.authenticate(owner)).isInstanceOf(BadCredentialsException.class);
        assertThat(rowButton("user-enable-" + owner.getId())).isNotNull();
    }

    @Test
    void nobodyDisablesThemselves() {
        UserAccount admin = fixtures.staff(AppRole.ADMIN);
        openAs(admin);
        setAsUser(textField("user-search"), admin.getEmail());
        var actions = (Component) GridKt._getCellComponent(grid(), 0, "actions");
        assertThat(_find(actions, Button.class)).extracting(b -> b.getId().orElseThrow())
                .containsExactly("user-edit-" + admin.getId());
    }

    @Test
    void everySortableColumnSorts() {
        openAs(onboarding);
        Grid<UserSummary> grid = grid();
        for (var column : grid.getColumns()) {
            if (column.isSortable()) {
                GridKt._sortByKey(grid, column.getKey(), SortDirection.DESCENDING);
                assertThat(GridKt._fetch(grid, 0, 5)).as(column.getKey()).isNotEmpty();
            }
        }
    }

    @Test
    void ownerIsDeniedTheRoute() {
        assertDenied(tenant.owner());
    }

    @Test
    void resellerSupportIsDeniedTheRoute() {
        assertDenied(tenant.support());
    }

    private void assertDenied(UserAccount account) {
        login(account);
        assertThatThrownBy(() -> navigate("users")).isInstanceOf(MockAccessDeniedException.class);
        _assertNone(UserListView.class);
    }

    private void openAs(UserAccount account) {
        login(account);
        navigate("users");
    }

    /** A button in the actions cell of the first row (grid cells are rendered on demand). */
    private Button rowButton(String id) {
        var actions = (Component) GridKt._getCellComponent(grid(), 0, "actions");
        return _get(actions, Button.class, spec -> spec.withId(id));
    }

    private static Button button(String id) {
        return byId(Button.class, id);
    }

    private static TextField textField(String id) {
        return byId(TextField.class, id);
    }

    private static Select<AppRole> roleField() {
        return byId(Select.class, "user-role");
    }

    private static ComboBox<Reseller> resellerField() {
        return byId(ComboBox.class, "user-reseller");
    }

    private static MultiSelectComboBox<RestaurantRef> restaurantsField() {
        return byId(MultiSelectComboBox.class, "user-restaurants");
    }

    private static Grid<UserSummary> grid() {
        return byId(Grid.class, "user-grid");
    }
}
