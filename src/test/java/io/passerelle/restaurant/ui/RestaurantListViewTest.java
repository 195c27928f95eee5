package io.passerelle.restaurant.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import io.passerelle.KaribuTest;
import io.passerelle.TestFixtures;
import io.passerelle.restaurant.Reseller;
import io.passerelle.restaurant.Restaurant;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.AppRole;
import io.passerelle.security.UserAccount;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

class RestaurantListViewTest extends KaribuTest {

    @Autowired
    RestaurantService restaurants;

    private TestFixtures.Tenant tenant;
    private UserAccount onboarding;

    @BeforeEach
    void createTenantAndStaff() {
        tenant = fixtures.tenant();
        onboarding = fixtures.staff(AppRole.ONBOARDING);
    }

    @Test
    void newRestaurantWithGoodInputAppearsInTheList() {
        openAsOnboarding();
        String name = TestFixtures.unique("Osteria");
        _click(button("restaurant-new"));
        setAsUser(textField("restaurant-name"), name);
        selectReseller(tenant.resellerId());
        setAsUser(timeZoneField(), ZoneId.of("Europe/Rome"));
        setAsUser(localeField(), Locale.ITALIAN);
        _click(button("restaurant-save"));

        _assertNone(Dialog.class, spec -> spec.withId("restaurant-form"));
        setAsUser(textField("restaurant-search"), name);
        Grid<Restaurant> grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        Restaurant created = GridKt._get(grid, 0);
        assertThat(GridKt._getFormatted(grid, 0, "name")).isEqualTo(name + " [" + created.getPublicId() + "]");
        assertThat(GridKt._getFormatted(grid, 0, "reseller")).isEqualTo(tenant.restaurant().getReseller().getName());
        assertThat(GridKt._getFormatted(grid, 0, "time-zone")).isEqualTo("Europe/Rome");
        assertThat(GridKt._getFormatted(grid, 0, "locale")).isEqualTo("Italian");
        assertThat(created.getPublicId()).isBetween(Restaurant.PUBLIC_ID_MIN, Restaurant.PUBLIC_ID_MAX);
    }

    @Test
    void blankNameIsShownNextToTheFieldAndNothingIsSaved() {
        openAsOnboarding();
        long before = restaurantCount();
        _click(button("restaurant-new"));
        setAsUser(textField("restaurant-name"), "   ");
        selectReseller(tenant.resellerId());
        _click(button("restaurant-save"));

        TextField name = textField("restaurant-name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo(name.getTranslation("restaurant.error.name-required"));
        _assertOne(Dialog.class, spec -> spec.withId("restaurant-form"));
        assertThat(restaurantCount()).isEqualTo(before);
    }

    @Test
    void tooLongNameIsShownNextToTheFieldAndNothingIsSaved() {
        openAsOnboarding();
        String name = TestFixtures.unique("Long") + "x".repeat(Restaurant.NAME_MAX_LENGTH);
        _click(button("restaurant-new"));
        setAsUser(textField("restaurant-name"), name);
        selectReseller(tenant.resellerId());
        _click(button("restaurant-save"));

        TextField nameField = textField("restaurant-name");
        assertThat(nameField.isInvalid()).isTrue();
        assertThat(nameField.getErrorMessage())
                .isEqualTo(nameField.getTranslation("restaurant.error.name-too-long", Restaurant.NAME_MAX_LENGTH));
        assertThat(nameField.getMaxLength()).isEqualTo(Restaurant.NAME_MAX_LENGTH);
        assertThat(fixtures.runAs(onboarding, () -> restaurants.search(name.substring(0, 20), PageRequest.of(0, 5))))
                .isEmpty();
    }

    @Test
    void duplicateNameWithinTheResellerIsShownOnTheNameField() {
        openAsOnboarding();
        long before = restaurantCount();
        _click(button("restaurant-new"));
        setAsUser(textField("restaurant-name"), tenant.restaurant().getName().toUpperCase(Locale.ROOT));
        selectReseller(tenant.resellerId());
        _click(button("restaurant-save"));

        TextField name = textField("restaurant-name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo(name.getTranslation("restaurant.error.name-taken"));
        _assertOne(Dialog.class, spec -> spec.withId("restaurant-form"));
        assertThat(restaurantCount()).isEqualTo(before);

        setAsUser(name, TestFixtures.unique("Other"));
        assertThat(name.isInvalid()).as("the mark goes once the name is changed").isFalse();
    }

    @Test
    void editingKeepsThePublicIdAndSavesTheNewName() {
        openAsOnboarding();
        Restaurant sibling = tenant.sibling();
        String newName = TestFixtures.unique("Renamed");
        setAsUser(textField("restaurant-search"), sibling.getName());
        var edit = (Button) GridKt._getCellComponent(grid(), 0, "actions");
        assertThat(edit.getId()).hasValue("restaurant-edit-" + sibling.getId());
        _click(edit);

        TextField publicId = textField("restaurant-public-id");
        assertThat(publicId.isReadOnly()).isTrue();
        assertThat(publicId.getValue()).isEqualTo(String.valueOf(sibling.getPublicId()));
        assertThat(timeZoneField().getValue()).isEqualTo(ZoneId.of("Europe/Rome"));
        setAsUser(textField("restaurant-name"), newName);
        _click(button("restaurant-save"));

        var saved = fixtures.runAs(onboarding, () -> restaurants.get(sibling.getId()));
        assertThat(saved.name()).isEqualTo(newName);
        assertThat(saved.publicId()).isEqualTo(sibling.getPublicId());
        setAsUser(textField("restaurant-search"), newName);
        assertThat(GridKt._getFormatted(grid(), 0, "name")).isEqualTo(newName + " [" + sibling.getPublicId() + "]");
    }

    @Test
    void newResellerIsSavedWithEnterBecomesAvailableAndItsNameMustBeUnique() {
        openAsOnboarding();
        String name = TestFixtures.unique("Cassa Facile");
        _click(button("reseller-new"));
        setAsUser(textField("reseller-name"), name);
        ShortcutsKt._fireShortcut(textField("reseller-name"), Key.ENTER);
        _assertNone(Dialog.class, spec -> spec.withId("reseller-form"));

        _click(button("reseller-new"));
        setAsUser(textField("reseller-name"), name);
        _click(button("reseller-save"));
        TextField again = textField("reseller-name");
        assertThat(again.isInvalid()).isTrue();
        assertThat(again.getErrorMessage()).isEqualTo(again.getTranslation("reseller.error.name-taken"));
        _click(button("reseller-cancel"));

        _click(button("restaurant-new"));
        assertThat(ComboBoxKt.getSuggestions(resellerField())).contains(name);
    }

    @Test
    void everySortableColumnSorts() {
        openAsOnboarding();
        Grid<Restaurant> grid = grid();
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

    @Test
    void administratorMayOpenTheRoute() {
        login(fixtures.staff(AppRole.ADMIN));
        navigate("restaurants");
        _assertOne(RestaurantListView.class);
    }

    private void assertDenied(UserAccount account) {
        login(account);
        assertThatThrownBy(() -> navigate("restaurants")).isInstanceOf(MockAccessDeniedException.class);
        _assertNone(RestaurantListView.class);
    }

    private void openAsOnboarding() {
        login(onboarding);
        navigate("restaurants");
    }

    private long restaurantCount() {
        return fixtures.runAs(onboarding, () -> restaurants.search(null, PageRequest.of(0, 1)).getTotalElements());
    }

    private void selectReseller(long resellerId) {
        ComboBox<Reseller> field = resellerField();
        setAsUser(field, ComboBoxKt.getSuggestionItems(field).stream()
                .filter(r -> r.getId() == resellerId)
                .findFirst()
                .orElseThrow());
    }

    private static Button button(String id) {
        return byId(Button.class, id);
    }

    private static TextField textField(String id) {
        return byId(TextField.class, id);
    }

    private static ComboBox<Reseller> resellerField() {
        return byId(ComboBox.class, "restaurant-reseller");
    }

    private static ComboBox<ZoneId> timeZoneField() {
        return byId(ComboBox.class, "restaurant-time-zone");
    }

    private static Select<Locale> localeField() {
        return byId(Select.class, "restaurant-locale");
    }

    private static Grid<Restaurant> grid() {
        return byId(Grid.class, "restaurant-grid");
    }
}
