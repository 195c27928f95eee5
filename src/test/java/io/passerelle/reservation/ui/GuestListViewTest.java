package io.passerelle.reservation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import io.passerelle.KaribuTest;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.reservation.Guest;
import io.passerelle.reservation.GuestService;
import io.passerelle.reservation.PosBill;
import io.passerelle.reservation.PosOrderItem;
import io.passerelle.reservation.PosOrderService;
import io.passerelle.reservation.ReservationBook;
import io.passerelle.reservation.ReservationService;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.security.AppRole;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

class GuestListViewTest extends KaribuTest {

    @Autowired
    ReservationService reservations;
    @Autowired
    GuestService guests;
    @Autowired
    PosOrderService posOrders;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    Tenant tenant;
    ReservationBook book;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
        book = fixtures.reservationBook();
    }

    private long restaurantId() {
        return tenant.restaurant().getId();
    }

    private void openAsSupportOfFirstRestaurant() {
        open(tenant.support(), restaurantId(), "guests");
    }

    private Grid<Guest> grid() {
        return byId(Grid.class, "guests-grid");
    }

    private List<String> names() {
        return formattedColumn(grid(), "name");
    }

    private String profileValue(String id) {
        return _get(Span.class, spec -> spec.withId("guest-profile-" + id)).getText();
    }

    @Test
    void listsTheSelectedRestaurantsGuestsByNameAndSearches() {
        book.guest(restaurantId(), "Marco", "Bianchi");
        book.guest(restaurantId(), "Giulia", "Rossi");
        book.guest(tenant.sibling().getId(), "Pierre", "Martin");

        openAsSupportOfFirstRestaurant();
        assertThat(names()).containsExactly("Marco Bianchi", "Giulia Rossi");
        assertThat(GridKt._getFormatted(grid(), 0, "mobile")).isEqualTo("+393331234567");

        setAsUser(byId(TextField.class, "guests-search"), "ross");
        assertThat(names()).containsExactly("Giulia Rossi");
        setAsUser(byId(TextField.class, "guests-search"), "martin");
        assertThat(names()).isEmpty();
        assertThat(grid().getEmptyStateText()).isEqualTo("No guests yet, or none match your search.");
    }

    @Test
    void theProfileShowsStatisticsAsMoneyAndTheGuestsReservations() {
        var guest = book.guest(restaurantId(), "Giulia", "Rossi");
        book.statistics(guest, 3, 7, "1250.00");
        var tomorrow = clock.instant().plus(1, ChronoUnit.DAYS);
        book.reservation(restaurantId(), tomorrow, guest);
        book.changeStatus(book.reservation(restaurantId(), tomorrow.plus(1, ChronoUnit.DAYS), guest),
                ReservationStatus.CANCELLED);
        openAsSupportOfFirstRestaurant();
        // money as the restaurant (Italian) writes it, whatever the reader's language
        assertThat(GridKt._getFormatted(grid(), 0, "totalSpent")).isEqualTo("1.250,00\u00a0€");

        GridKt._selectRow(grid(), 0);

        assertThat(profileValue("visits")).isEqualTo("3");
        assertThat(profileValue("covers")).isEqualTo("7");
        assertThat(profileValue("total-spent")).isEqualTo("1.250,00\u00a0€");
        assertThat(profileValue("average")).isEqualTo("178,57\u00a0€");
        assertThat(profileValue("reservations")).isEqualTo("2 in total, 1 missed");
        Grid<?> history = byId(Grid.class, "guest-profile-reservations");
        assertThat(GridKt._size(history)).isEqualTo(2);
    }

    @Test
    void theProfileListsTheGuestsOrdersWithTheirItemsAsThePosSentThem() {
        var guest = book.guest(restaurantId(), "Giulia", "Rossi");
        var start = clock.instant().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        var reservation = book.changeStatus(book.reservation(restaurantId(), start, guest), ReservationStatus.CONFIRMED);
        posOrders.close(restaurantId(), 0, new PosBill("ord-1", reservation.getId(), 2, new BigDecimal("86.50"), "EUR",
                List.of(new PosOrderItem("Tiramisù", 2, new BigDecimal("7.00")),
                        new PosOrderItem("Fiorentina", 1, new BigDecimal("72.50"))), null, start));
        openAsSupportOfFirstRestaurant();

        GridKt._selectRow(grid(), 0);

        assertThat(profileValue("visits")).isEqualTo("1");
        assertThat(profileValue("covers")).isEqualTo("2");
        assertThat(profileValue("total-spent")).isEqualTo("86,50\u00a0€");
        assertThat(profileValue("average")).isEqualTo("43,25\u00a0€");
        Grid<?> orders = byId(Grid.class, "guest-profile-orders");
        assertThat(GridKt._size(orders)).isEqualTo(1);
        assertThat(GridKt._getFormatted(orders, 0, "items")).isEqualTo("2 × Tiramisù, 1 × Fiorentina");
        assertThat(GridKt._getFormatted(orders, 0, "covers")).isEqualTo("2");
        assertThat(GridKt._getFormatted(orders, 0, "total")).isEqualTo("86,50\u00a0€");
    }

    @Test
    void aGuestWithoutCoversHasNoAverageYet() {
        book.guest(restaurantId(), "Giulia", "Rossi");
        openAsSupportOfFirstRestaurant();

        GridKt._selectRow(grid(), 0);

        assertThat(profileValue("average")).isEqualTo("No bills yet");
        assertThat(profileValue("total-spent")).isEqualTo("0,00\u00a0€");
        assertThat(byId(Grid.class, "guest-profile-orders").getEmptyStateText())
                .isEqualTo("No orders from the POS yet.");
    }

    @Test
    void editingFromTheProfileUpdatesProfileAndList() {
        var guest = book.guest(restaurantId(), "Giulia", "Rossi");
        openAsSupportOfFirstRestaurant();
        GridKt._selectRow(grid(), 0);

        _click(byId(Button.class, "guest-profile-edit"));
        setAsUser(byId(TextField.class, "guest-last-name"), "Verdi");
        setAsUser(byId(EmailField.class, "guest-email"), "giulia@example.it");
        _click(byId(Button.class, "guest-save"));

        assertThat(profileValue("email")).isEqualTo("giulia@example.it");
        assertThat(names()).containsExactly("Giulia Verdi");
        assertThat(book.as(tenant.owner(), () -> guests.get(restaurantId(), guest.getId())).getLastName())
                .isEqualTo("Verdi");
    }

    @Test
    void aBadMobileIsShownNextToTheFieldAndNothingIsSaved() {
        openAsSupportOfFirstRestaurant();
        _click(byId(Button.class, "guest-new"));
        setAsUser(byId(TextField.class, "guest-first-name"), "Jean");
        setAsUser(byId(TextField.class, "guest-last-name"), "Dupont");
        var mobile = byId(TextField.class, "guest-mobile");
        setAsUser(mobile, "06 12 34 56 78");

        _click(byId(Button.class, "guest-save"));

        assertThat(mobile.isInvalid()).isTrue();
        assertThat(mobile.getErrorMessage()).startsWith("must be a mobile number in international format");
        _get(GuestDialog.class);
        assertThat(storedGuests()).isZero();

        setAsUser(mobile, "+33 6 12 34 56 78");
        _click(byId(Button.class, "guest-save"));
        _assertNone(GuestDialog.class);
        assertThat(names()).containsExactly("Jean Dupont");
        assertThat(GridKt._getFormatted(grid(), 0, "mobile")).isEqualTo("+33612345678");
    }

    @Test
    void requiredNamesAreShownNextToTheirFields() {
        openAsSupportOfFirstRestaurant();
        _click(byId(Button.class, "guest-new"));

        _click(byId(Button.class, "guest-save"));

        var firstName = byId(TextField.class, "guest-first-name");
        assertThat(firstName.isInvalid()).isTrue();
        assertThat(firstName.getErrorMessage()).isEqualTo("Enter the first name.");
        assertThat(storedGuests()).isZero();
    }

    @Test
    void withoutARestaurantThereIsAnEmptyState() {
        login(fixtures.account(AppRole.OWNER, null, Set.of()));
        navigate("guests");

        byId(Paragraph.class, "guests-no-restaurant");
        _assertNone(Grid.class, spec -> spec.withId("guests-grid"));
    }

    private long storedGuests() {
        return book.as(tenant.owner(), () -> guests.page(restaurantId(), null, PageRequest.of(0, 10)).getTotalElements());
    }
}
