package io.passerelle.reservation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import io.passerelle.KaribuTest;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.reservation.DriftSeeds;
import io.passerelle.reservation.PosOrderService;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationBook;
import io.passerelle.reservation.ReservationService;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.security.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DriftViewTest extends KaribuTest {

    @Autowired
    ReservationService reservations;
    @Autowired
    PosOrderService posOrders;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    Tenant tenant;
    ReservationBook book;
    Instant noon;
    long walkIn;
    Reservation booking;

    /** Today at noon in the restaurant (the view opens on yesterday and today): one drift, one duplicate. */
    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
        book = fixtures.reservationBook();
        var pos = new DriftSeeds(posOrders, tenant.restaurant().getId());
        ZoneId rome = ZoneId.of("Europe/Rome");
        noon = LocalDate.now(clock.withZone(rome)).atTime(LocalTime.NOON).atZone(rome).toInstant();
        long restaurantId = tenant.restaurant().getId();
        var t1 = book.table(restaurantId, "T1");
        var t3 = book.table(restaurantId, "T3");
        var seatedElsewhere = book.changeStatus(book.reservation(restaurantId, noon, 2, null, t1),
                ReservationStatus.CONFIRMED);
        pos.seat(seatedElsewhere, "ord-1", "T2", 2, noon);
        var guest = book.guest(restaurantId, "Giulia", "Rossi");
        booking = book.reservation(restaurantId, noon.plus(1, ChronoUnit.HOURS), 2, guest, t3);
        walkIn = pos.walkIn("walk-in-1", t3, 2, noon.plus(70, ChronoUnit.MINUTES));
        booking = book.changeStatus(booking, ReservationStatus.CONFIRMED);
    }

    private void open(UserAccount account, long restaurantId) {
        open(account, restaurantId, "drift");
    }

    private static Grid<Object> grid(String id) {
        return byId(Grid.class, id);
    }

    @Test
    void ownersSeeBothPartsButCannotMerge() {
        open(tenant.owner(), tenant.restaurant().getId());

        var drifts = grid("drift-grid");
        assertThat(GridKt._size(drifts)).isEqualTo(1);
        assertThat(GridKt._getFormatted(drifts, 0, "field")).isEqualTo("Table");
        assertThat(GridKt._getFormatted(drifts, 0, "platform")).isEqualTo("T1");
        assertThat(GridKt._getFormatted(drifts, 0, "pos")).isEqualTo("T2");
        var duplicates = grid("drift-duplicates-grid");
        assertThat(GridKt._size(duplicates)).isEqualTo(1);
        assertThat(GridKt._getFormatted(duplicates, 0, "table")).isEqualTo("T3");
        assertThat(GridKt._getFormatted(duplicates, 0, "guest")).isEqualTo("Giulia Rossi");
        assertThat(GridKt._getFormatted(duplicates, 0, "match")).isEqualTo("Same table, near its time");
        assertThat(duplicates.getColumnByKey("merge")).isNull();
    }

    @Test
    void aWalkInOnNoKnownTableIsListedWithItsReasonAndMergedAfterConfirming() {
        long siblingId = tenant.sibling().getId();
        var guest = book.guest(siblingId, "Marco", "Bianchi");
        var party = book.changeStatus(book.reservation(siblingId, noon, 4, guest, null), ReservationStatus.CONFIRMED);
        long onTheBar = new DriftSeeds(posOrders, siblingId).walkInOnUnknownTable("bar-1", "Bar", 4,
                noon.plus(5, ChronoUnit.MINUTES));
        open(tenant.support(), siblingId);

        var duplicates = grid("drift-duplicates-grid");
        assertThat(GridKt._size(duplicates)).isEqualTo(1);
        assertThat(GridKt._getFormatted(duplicates, 0, "table")).isEqualTo("Bar");
        assertThat(GridKt._getFormatted(duplicates, 0, "match"))
                .isEqualTo("No table; the only reservation for as many covers near its time");
        _click((Button) GridKt._getCellComponent(duplicates, 0, "merge"));
        var confirm = byId(ConfirmDialog.class, "drift-merge-confirm");
        assertThat(confirm.getElement().getProperty("message")).contains("on no known table")
                .contains("Marco Bianchi");
        ConfirmDialogKt._fireConfirm(confirm);

        NotificationsKt.expectNotifications("Walk-in merged into the reservation.");
        assertThat(GridKt._size(grid("drift-duplicates-grid"))).isZero();
        assertThat(fixtures.runAs(tenant.support(), () -> reservations.get(siblingId, onTheBar)).getMergedIntoId())
                .isEqualTo(party.getId());
    }

    @Test
    void supportMergesAfterConfirming() {
        open(tenant.support(), tenant.restaurant().getId());
        var duplicates = grid("drift-duplicates-grid");
        var merge = (Button) GridKt._getCellComponent(duplicates, 0, "merge");
        assertThat(merge.getId()).hasValue("drift-merge-" + walkIn);

        _click(merge);
        ConfirmDialogKt._fireCancel(byId(ConfirmDialog.class, "drift-merge-confirm"));
        assertThat(GridKt._size(grid("drift-duplicates-grid"))).isEqualTo(1);

        _click((Button) GridKt._getCellComponent(grid("drift-duplicates-grid"), 0, "merge"));
        ConfirmDialogKt._fireConfirm(byId(ConfirmDialog.class, "drift-merge-confirm"));

        NotificationsKt.expectNotifications("Walk-in merged into the reservation.");
        assertThat(GridKt._size(grid("drift-duplicates-grid"))).isZero();
        assertThat(fixtures.runAs(tenant.support(), () -> reservations.get(tenant.restaurant().getId(),
                booking.getId())).getStatus()).isEqualTo(ReservationStatus.ARRIVED);
    }

    @Test
    void aQuietRestaurantShowsEmptyStatesAndAnOverlongPeriodIsRefusedOnItsField() {
        open(tenant.support(), tenant.sibling().getId());

        assertThat(GridKt._size(grid("drift-grid"))).isZero();
        assertThat(grid("drift-grid").getEmptyStateText()).startsWith("Nothing differs");
        assertThat(GridKt._size(grid("drift-duplicates-grid"))).isZero();
        assertThat(grid("drift-duplicates-grid").getEmptyStateText()).startsWith("No walk-in");

        var from = byId(DatePicker.class, "drift-from");
        var to = byId(DatePicker.class, "drift-to");
        setAsUser(to, from.getValue().plusDays(40));

        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("Choose a period of 1 to 31 days, the end not before the start.");
    }
}
