package io.passerelle.reservation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.passerelle.KaribuTest;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.reservation.DiningTable;
import io.passerelle.reservation.Guest;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationBook;
import io.passerelle.reservation.ReservationFilter;
import io.passerelle.reservation.ReservationService;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.security.AppRole;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

class ReservationListViewTest extends KaribuTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Autowired
    ReservationService reservations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    Tenant tenant;
    ReservationBook book;
    LocalDate today;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
        book = fixtures.reservationBook();
        today = LocalDate.now(clock.withZone(ROME));
    }

    private long restaurantId() {
        return tenant.restaurant().getId();
    }

    private Reservation reservationAt(LocalDate day, int hour, Guest guest) {
        return book.reservation(restaurantId(), day.atTime(hour, 0).atZone(ROME).toInstant(), guest);
    }

    /** Support sees both of its reseller's restaurants: the view must show the selected one only. */
    private void openAsSupportOfFirstRestaurant() {
        open(tenant.support(), restaurantId(), "reservations");
    }

    private Grid<Reservation> grid() {
        return byId(Grid.class, "reservations-grid");
    }

    private List<String> guestColumn() {
        return formattedColumn(grid(), "guest");
    }

    private int rowOf(Reservation reservation) {
        return rowWhere(grid(), row -> row.getId().equals(reservation.getId()));
    }

    private Reservation stored(Reservation reservation) {
        return book.as(tenant.owner(), () -> reservations.get(restaurantId(), reservation.getId()));
    }

    private List<Reservation> storedReservations() {
        return book.as(tenant.owner(), () -> reservations.page(restaurantId(), ReservationFilter.between(null, null),
                PageRequest.of(0, 100)).getContent());
    }

    @Test
    void showsTheSelectedRestaurantsReservationsAndNotItsSiblings() {
        var giulia = book.guest(restaurantId(), "Giulia", "Rossi");
        var marco = book.guest(restaurantId(), "Marco", "Bianchi");
        var pierre = book.guest(tenant.sibling().getId(), "Pierre", "Martin");
        var table = book.table(restaurantId(), "T12");
        book.reservation(restaurantId(), today.plusDays(1).atTime(20, 0).atZone(ROME).toInstant(), 4, giulia, table);
        reservationAt(today.plusDays(1), 21, marco);
        book.reservation(tenant.sibling().getId(), today.plusDays(1).atTime(20, 0).atZone(ROME).toInstant(), pierre);

        openAsSupportOfFirstRestaurant();

        assertThat(guestColumn()).containsExactly("Giulia Rossi", "Marco Bianchi");
        var grid = grid();
        assertThat(GridKt._getFormatted(grid, 0, "start")).contains("8:00");
        assertThat(GridKt._getFormatted(grid, 0, "partySize")).isEqualTo("4");
        assertThat(GridKt._getFormatted(grid, 0, "table")).isEqualTo("T12");
        assertThat(GridKt._getFormatted(grid, 0, "source")).isEqualTo("Booking");
        var badge = (Span) GridKt._getCellComponent(grid, 0, "status");
        assertThat(badge.getClassNames()).contains("status-badge");
        assertThat(badge.getElement().getAttribute("data-status")).isEqualTo("PENDING");
        assertThat(badge.getText()).isEqualTo("Pending");
    }

    @Test
    void filtersByDaysStatusAndText() {
        var giulia = book.guest(restaurantId(), "Giulia", "Rossi");
        var marco = book.guest(restaurantId(), "Marco", "Bianchi");
        var confirmed = reservationAt(today.plusDays(1), 20, giulia);
        book.changeStatus(confirmed, ReservationStatus.CONFIRMED);
        reservationAt(today.plusDays(3), 20, marco);
        reservationAt(today.plusDays(10), 20, marco);
        reservationAt(today.minusDays(2), 20, giulia);

        openAsSupportOfFirstRestaurant();
        assertThat(byId(DatePicker.class, "reservation-filter-from").getValue())
                .isEqualTo(today.minusDays(1));
        assertThat(byId(DatePicker.class, "reservation-filter-to").getValue())
                .isEqualTo(today.plusDays(7));
        assertThat(guestColumn()).containsExactly("Giulia Rossi", "Marco Bianchi");

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<ReservationStatus> statuses = _get(MultiSelectComboBox.class,
                spec -> spec.withId("reservation-filter-status"));
        setAsUser(statuses, Set.of(ReservationStatus.CONFIRMED));
        assertThat(guestColumn()).containsExactly("Giulia Rossi");
        setAsUser(statuses, Set.of());

        setAsUser(byId(TextField.class, "reservation-filter-text"), "bianchi");
        assertThat(guestColumn()).containsExactly("Marco Bianchi");

        setAsUser(byId(DatePicker.class, "reservation-filter-to"), today.plusDays(14));
        assertThat(guestColumn()).containsExactly("Marco Bianchi", "Marco Bianchi");
    }

    @Test
    void aNewReservationIsSavedFromTheForm() {
        var guest = book.guest(restaurantId(), "Giulia", "Rossi");
        DiningTable table = book.table(restaurantId(), "Terrazza 3");
        openAsSupportOfFirstRestaurant();

        _click(byId(Button.class, "reservation-new"));
        LocalDateTime start = today.plusDays(2).atTime(20, 30);
        setAsUser(byId(DateTimePicker.class, "reservation-start"), start);
        setAsUser(byId(IntegerField.class, "reservation-party-size"), 6);
        setAsUser(byId(TextArea.class, "reservation-notes"), "Birthday cake at 22:00");
        setAsUser(comboBox("reservation-table", DiningTable.class), table);
        setAsUser(comboBox("reservation-guest", Guest.class), guest);
        _click(byId(Button.class, "reservation-save"));

        NotificationsKt.expectNotifications("Saved.");
        _assertNone(ReservationForm.class);
        assertThat(storedReservations()).singleElement().satisfies(saved -> {
            assertThat(saved.getStart()).isEqualTo(start.atZone(ROME).toInstant());
            assertThat(saved.getPartySize()).isEqualTo(6);
            assertThat(saved.getNotes()).isEqualTo("Birthday cake at 22:00");
            assertThat(saved.getTable().getId()).isEqualTo(table.getId());
            assertThat(saved.getGuest().getId()).isEqualTo(guest.getId());
            assertThat(saved.getStatus()).isEqualTo(ReservationStatus.PENDING);
        });
        assertThat(guestColumn()).containsExactly("Giulia Rossi");
    }

    @Test
    void badInputIsShownNextToTheFieldAndNothingIsSaved() {
        openAsSupportOfFirstRestaurant();
        _click(byId(Button.class, "reservation-new"));
        var partySize = byId(IntegerField.class, "reservation-party-size");
        var start = byId(DateTimePicker.class, "reservation-start");
        var save = byId(Button.class, "reservation-save");

        for (int wrong : new int[] {0, 101}) {
            setAsUser(partySize, wrong);
            _click(save);
            assertThat(partySize.isInvalid()).isTrue();
            assertThat(partySize.getErrorMessage()).isEqualTo("must be between 1 and 100 people");
        }

        setAsUser(partySize, 4);
        setAsUser(start, today.plusYears(3).atTime(20, 0));
        _click(save);
        assertThat(partySize.isInvalid()).isFalse();
        assertThat(start.isInvalid()).isTrue();
        assertThat(start.getErrorMessage()).startsWith("Choose a date between");

        setAsUser(start, null);
        _click(save);
        assertThat(start.getErrorMessage()).isEqualTo("Choose the date and time.");

        _get(ReservationForm.class);
        assertThat(storedReservations()).isEmpty();
    }

    @Test
    void messagesSpeakTheReadersLanguage() {
        login(tenant.owner());
        UI.getCurrent().setLocale(Locale.FRENCH);
        navigate("reservations");
        _click(byId(Button.class, "reservation-new"));
        var partySize = byId(IntegerField.class, "reservation-party-size");

        setAsUser(partySize, 0);
        _click(byId(Button.class, "reservation-save"));

        assertThat(partySize.getLabel()).isEqualTo("Nombre de couverts");
        assertThat(partySize.getErrorMessage()).isEqualTo("doit être compris entre 1 et 100 personnes");
    }

    @Test
    void aNewGuestCanBeAddedWithoutLeavingTheForm() {
        openAsSupportOfFirstRestaurant();
        _click(byId(Button.class, "reservation-new"));
        _click(byId(Button.class, "reservation-new-guest"));
        setAsUser(byId(TextField.class, "guest-first-name"), "Jean");
        setAsUser(byId(TextField.class, "guest-last-name"), "Dupont");
        setAsUser(byId(TextField.class, "guest-mobile"), "+33 6 12 34 56 78");
        _click(byId(Button.class, "guest-save"));

        _assertNone(GuestDialog.class);
        Guest chosen = comboBox("reservation-guest", Guest.class).getValue();
        assertThat(chosen.getFullName()).isEqualTo("Jean Dupont");
        assertThat(chosen.getMobile()).isEqualTo("+33612345678");
        _click(byId(Button.class, "reservation-save"));
        assertThat(storedReservations()).singleElement()
                .satisfies(saved -> assertThat(saved.getGuest().getId()).isEqualTo(chosen.getId()));
    }

    @Test
    void editingChangesTheReservationAndBumpsItsVersion() {
        var reservation = reservationAt(today.plusDays(1), 20, book.guest(restaurantId(), "Giulia", "Rossi"));
        openAsSupportOfFirstRestaurant();

        GridKt._selectRow(grid(), rowOf(reservation));
        setAsUser(byId(IntegerField.class, "reservation-party-size"), 5);
        _click(byId(Button.class, "reservation-save"));

        var saved = stored(reservation);
        assertThat(saved.getPartySize()).isEqualTo(5);
        assertThat(saved.getVersion()).isEqualTo(reservation.getVersion() + 1);
        assertThat(GridKt._getFormatted(grid(), 0, "partySize")).isEqualTo("5");
    }

    @Test
    void onlyTheAllowedStatusActionsAreOffered() {
        var reservation = reservationAt(today.plusDays(1), 20, null);
        openAsSupportOfFirstRestaurant();

        GridKt._selectRow(grid(), rowOf(reservation));
        assertThat(statusActionIds()).containsExactly("reservation-status-confirmed", "reservation-status-refused",
                "reservation-status-cancelled");
        _click(byId(Button.class, "reservation-status-confirmed"));

        assertThat(stored(reservation).getStatus()).isEqualTo(ReservationStatus.CONFIRMED);
        NotificationsKt.expectNotifications("Reservation is now: Confirmed.");
        assertThat(((Span) GridKt._getCellComponent(grid(), 0, "status")).getElement().getAttribute("data-status"))
                .isEqualTo("CONFIRMED");

        GridKt._selectRow(grid(), rowOf(reservation));
        assertThat(statusActionIds()).containsExactly("reservation-status-arrived", "reservation-status-no-show",
                "reservation-status-cancelled");
        _click(byId(Button.class, "reservation-status-arrived"));
        GridKt._selectRow(grid(), rowOf(reservation));
        assertThat(statusActionIds()).containsExactly("reservation-status-finished");
    }

    @Test
    void statusActionsWaitForUnsavedEdits() {
        var reservation = reservationAt(today.plusDays(1), 20, null);
        openAsSupportOfFirstRestaurant();
        GridKt._selectRow(grid(), rowOf(reservation));
        var confirm = byId(Button.class, "reservation-status-confirmed");
        assertThat(confirm.isEnabled()).isTrue();

        setAsUser(byId(IntegerField.class, "reservation-party-size"), 7);

        assertThat(confirm.isEnabled()).isFalse();
    }

    @Test
    void cancellingAsksForConfirmationFirst() {
        var reservation = reservationAt(today.plusDays(1), 20, book.guest(restaurantId(), "Giulia", "Rossi"));
        book.changeStatus(reservation, ReservationStatus.CONFIRMED);
        openAsSupportOfFirstRestaurant();
        GridKt._selectRow(grid(), rowOf(reservation));

        _click(byId(Button.class, "reservation-status-cancelled"));
        var confirm = byId(ConfirmDialog.class, "reservation-status-confirm");
        assertThat(ConfirmDialogKt._getText(confirm)).contains("Giulia Rossi").contains("Cancelled");
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(stored(reservation).getStatus()).isEqualTo(ReservationStatus.CONFIRMED);

        _click(byId(Button.class, "reservation-status-cancelled"));
        ConfirmDialogKt._fireConfirm(byId(ConfirmDialog.class, "reservation-status-confirm"));
        assertThat(stored(reservation).getStatus()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(stored(reservation).getStatus().isMissed()).isTrue();
    }

    @Test
    void aStatusChangedMeanwhileIsReportedInWords() {
        var reservation = reservationAt(today.plusDays(1), 20, null);
        openAsSupportOfFirstRestaurant();
        GridKt._selectRow(grid(), rowOf(reservation));
        book.changeStatus(reservation, ReservationStatus.REFUSED);

        _click(byId(Button.class, "reservation-status-confirmed"));

        NotificationsKt.expectNotifications(
                "A reservation that is Refused can no longer become Confirmed. Reload to see its current status.");
        assertThat(stored(reservation).getStatus()).isEqualTo(ReservationStatus.REFUSED);
    }

    @Test
    void withoutARestaurantThereIsAnEmptyState() {
        login(fixtures.account(AppRole.OWNER, null, Set.of()));
        navigate("reservations");

        assertThat(byId(Paragraph.class, "reservations-no-restaurant").getText())
                .isEqualTo("Choose a restaurant in the switcher above to see its reservation book.");
        _assertNone(Grid.class, spec -> spec.withId("reservations-grid"));
    }

    @Test
    void anonymousVisitorsAreSentToTheLogin() {
        navigate("reservations");

        _assertNone(ReservationListView.class);
        _get(LoginForm.class);
    }

    private List<String> statusActionIds() {
        return byId(HorizontalLayout.class, "reservation-status-actions").getChildren()
                .map(button -> button.getId().orElseThrow())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> comboBox(String id, Class<T> itemType) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }
}
