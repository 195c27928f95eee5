package io.passerelle.reservation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import io.passerelle.KaribuTest;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.reservation.MissedOverride;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationBook;
import io.passerelle.reservation.ReservationService;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.security.AppRole;
import io.passerelle.security.UserAccount;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The un-park action on a missed reservation: staff only, a dialog with the status and a reason, then audited. */
class MissedOverrideDialogTest extends KaribuTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Autowired
    ReservationService reservations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    Tenant tenant;
    ReservationBook book;
    Reservation cancelled;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
        book = fixtures.reservationBook();
        LocalDate tomorrow = LocalDate.now(clock.withZone(ROME)).plusDays(1);
        var giulia = book.guest(restaurantId(), "Giulia", "Rossi");
        cancelled = book.changeStatus(book.reservation(restaurantId(), tomorrow.atTime(20, 0).atZone(ROME).toInstant(),
                giulia), ReservationStatus.CANCELLED);
    }

    private long restaurantId() {
        return tenant.restaurant().getId();
    }

    private void openReservationsAs(UserAccount account, Reservation reservation) {
        open(account, restaurantId(), "reservations");
        Grid<Reservation> grid = byId(Grid.class, "reservations-grid");
        GridKt._selectRow(grid, rowWhere(grid, row -> row.getId().equals(reservation.getId())));
        _get(ReservationForm.class);
    }

    private ReservationStatus stored() {
        return book.as(tenant.owner(), () -> reservations.get(restaurantId(), cancelled.getId())).getStatus();
    }

    private static RadioButtonGroup<ReservationStatus> restoreTo() {
        return byId(RadioButtonGroup.class, "missed-override-status");
    }

    private static TextArea reason() {
        return byId(TextArea.class, "missed-override-reason");
    }

    @Test
    void onboardingUnparksWithAStatusAndAReasonAndTheAuditShowsIt() {
        UserAccount onboarding = fixtures.staff(AppRole.ONBOARDING);
        openReservationsAs(onboarding, cancelled);
        _assertNone(Details.class, spec -> spec.withId("reservation-override-audit"));

        _click(byId(Button.class, "reservation-override-missed"));
        _click(byId(Button.class, "missed-override-confirm"));

        assertThat(restoreTo().isInvalid()).isTrue();
        assertThat(restoreTo().getErrorMessage()).isEqualTo("Choose the status to restore.");
        assertThat(reason().isInvalid()).isTrue();
        assertThat(reason().getErrorMessage()).isEqualTo("Enter the reason.");
        assertThat(restoreTo().getListDataView().getItems())
                .containsExactly(ReservationStatus.PENDING, ReservationStatus.CONFIRMED);
        assertThat(reason().getMaxLength()).isEqualTo(MissedOverride.REASON_MAX_LENGTH);
        setAsUser(restoreTo(), ReservationStatus.CONFIRMED);
        setAsUser(reason(), "   ");
        _click(byId(Button.class, "missed-override-confirm"));
        assertThat(reason().getErrorMessage()).isEqualTo("Enter the reason.");
        assertThat(stored()).isEqualTo(ReservationStatus.CANCELLED);

        setAsUser(reason(), "Cancelled by mistake on the phone");
        _click(byId(Button.class, "missed-override-confirm"));

        NotificationsKt.expectNotifications("Reservation restored as Confirmed; the till will hear of it again.");
        assertThat(stored()).isEqualTo(ReservationStatus.CONFIRMED);
        _assertNone(MissedOverrideDialog.class);
        _assertNone(ReservationForm.class);

        openReservationsAs(onboarding, cancelled);
        _assertNone(Button.class, spec -> spec.withId("reservation-override-missed"));
        var audit = byId(Details.class, "reservation-override-audit");
        assertThat(audit.getSummaryText()).isEqualTo("Un-parked (1)");
        assertThat(_get(audit, ListItem.class).getText()).contains(onboarding.getEmail())
                .contains("from Cancelled to Confirmed").endsWith("Reason: Cancelled by mistake on the phone");
    }

    @Test
    void cancellingTheDialogChangesNothing() {
        openReservationsAs(fixtures.staff(AppRole.ADMIN), cancelled);

        _click(byId(Button.class, "reservation-override-missed"));
        setAsUser(restoreTo(), ReservationStatus.PENDING);
        setAsUser(reason(), "changed my mind");
        _click(byId(Button.class, "missed-override-cancel"));

        _assertNone(MissedOverrideDialog.class);
        assertThat(stored()).isEqualTo(ReservationStatus.CANCELLED);
    }

    @Test
    void ownersAndSupportNeverSeeTheAction() {
        for (UserAccount notStaff : List.of(tenant.owner(), tenant.support())) {
            openReservationsAs(notStaff, cancelled);
            _assertNone(Button.class, spec -> spec.withId("reservation-override-missed"));
            _get(ReservationForm.class).close();
        }
    }

    @Test
    void staffDoNotSeeItOnAReservationThatIsNotMissed() {
        var live = book.reservation(restaurantId(),
                LocalDate.now(clock.withZone(ROME)).plusDays(2).atTime(19, 0).atZone(ROME).toInstant(), null);
        openReservationsAs(fixtures.staff(AppRole.ONBOARDING), live);

        byId(Button.class, "reservation-status-confirmed");
        _assertNone(Button.class, spec -> spec.withId("reservation-override-missed"));
    }
}
