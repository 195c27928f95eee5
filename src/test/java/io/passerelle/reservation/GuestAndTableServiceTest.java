package io.passerelle.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.shared.UserFacingException;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

@PasserelleTest
@Import(TestFixtures.class)
class GuestAndTableServiceTest {

    @Autowired
    TestFixtures fixtures;
    @Autowired
    ReservationService reservations;
    @Autowired
    GuestService guests;
    @Autowired
    DiningTableService tables;
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

    private <T> T asOwner(Supplier<T> block) {
        return book.as(tenant.owner(), block);
    }

    private Guest createGuest(String firstName, String lastName, String mobile, String email) {
        return asOwner(() -> guests.create(new CreateGuest(restaurantId(),
                new GuestDetails(firstName, lastName, mobile, email))));
    }

    @Test
    void aGuestsOrdersAreTheirReservationsBillsNewestFirstWithTheirLinesAndBehindTheTenantWall() {
        var guest = createGuest("Giulia", "Rossi", null, null);
        var other = createGuest("Marco", "Bianchi", null, null);
        var start = clock.instant().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        bill("ord-old", book.reservation(restaurantId(), start, guest), start, "12.00");
        bill("ord-new", book.reservation(restaurantId(), start.plus(2, ChronoUnit.DAYS), guest),
                start.plus(2, ChronoUnit.DAYS), "30.50");
        bill("ord-other", book.reservation(restaurantId(), start, other), start, "99.00");

        var orders = asOwner(() -> guests.orders(restaurantId(), guest.getId(), PageRequest.of(0, 10))).getContent();

        assertThat(orders).extracting(GuestOrder::orderId).containsExactly("ord-new", "ord-old");
        assertThat(orders.getFirst().total()).isEqualByComparingTo("30.50");
        assertThat(orders.getFirst().currency()).isEqualTo("EUR");
        assertThat(orders.getFirst().items()).containsExactly(
                new PosOrderItem("Risotto", 1, new BigDecimal("30.50")));
        assertThatThrownBy(() -> book.as(tenant.owner(), () -> guests.orders(tenant.sibling().getId(), guest.getId(),
                PageRequest.of(0, 10)))).isInstanceOf(NotFoundException.class);
        var siblingGuest = book.guest(tenant.sibling().getId(), "Pierre", "Martin");
        assertThatThrownBy(() -> asOwner(() -> guests.orders(restaurantId(), siblingGuest.getId(),
                PageRequest.of(0, 10)))).isInstanceOf(NotFoundException.class);
    }

    private void bill(String orderId, Reservation reservation, Instant at, String total) {
        book.changeStatus(reservation, ReservationStatus.CONFIRMED);
        posOrders.close(restaurantId(), 0, new PosBill(orderId, reservation.getId(), 2, new BigDecimal(total), "EUR",
                List.of(new PosOrderItem("Risotto", 1, new BigDecimal(total))), null, at));
    }

    @Test
    void aGuestsMobileIsStoredInE164AndEmptyContactsAsNothing() {
        var guest = createGuest(" Giulia ", "Rossi", "+39 333 123-4567", " ");

        assertThat(guest.getFirstName()).isEqualTo("Giulia");
        assertThat(guest.getMobile()).isEqualTo("+393331234567");
        assertThat(guest.getEmail()).isNull();
        assertThat(asOwner(() -> guests.page(restaurantId(), "333 1234", PageRequest.of(0, 10)))
                .map(Guest::getId)).containsExactly(guest.getId());
    }

    @Test
    void aMobileOutsideE164OrABadEmailIsRefused() {
        for (String mobile : new String[] {"3331234567", "+39 333", "+0393331234567", "+3933312345678901", "+39abc4567"}) {
            assertThatThrownBy(() -> createGuest("Giulia", "Rossi", mobile, null))
                    .as(mobile)
                    .isInstanceOf(ConstraintViolationException.class)
                    .hasMessageContaining("mobile");
        }
        assertThatThrownBy(() -> createGuest("Giulia", "Rossi", null, "not-an-email"))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("email");
        assertThatThrownBy(() -> createGuest(" ", "Rossi", null, null))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("firstName");
        assertThat(createGuest("Jean", "Dupont", "+33612345", "jean@example.fr").getMobile()).isEqualTo("+33612345");
    }

    @Test
    void aGuestProfileShowsStatisticsAndTheAverageSpendPerCover() {
        var guest = createGuest("Giulia", "Rossi", null, null);
        var fresh = asOwner(() -> guests.profile(restaurantId(), guest.getId()));
        assertThat(fresh.guest().getAverageSpendPerCover()).isNull();

        book.statistics(guest, 3, 7, "250.00");
        var tomorrow = clock.instant().plus(1, ChronoUnit.DAYS);
        book.reservation(restaurantId(), tomorrow, guest);
        book.changeStatus(book.reservation(restaurantId(), tomorrow, guest), ReservationStatus.CANCELLED);

        var profile = asOwner(() -> guests.profile(restaurantId(), guest.getId()));
        assertThat(profile.guest().getVisits()).isEqualTo(3);
        assertThat(profile.guest().getCovers()).isEqualTo(7);
        assertThat(profile.guest().getTotalSpent()).isEqualByComparingTo("250.00");
        assertThat(profile.guest().getAverageSpendPerCover()).isEqualTo(new BigDecimal("35.71"));
        assertThat(profile.reservations()).isEqualTo(2);
        assertThat(profile.missedReservations()).isEqualTo(1);
    }

    @Test
    void updatingAGuestChangesTheirDetails() {
        var guest = createGuest("Giulia", "Rossi", null, null);

        asOwner(() -> guests.update(new UpdateGuest(restaurantId(), guest.getId(), guest.getVersion(),
                new GuestDetails("Giulia", "Verdi", "+393339998877", "giulia@example.it"))));

        var reloaded = asOwner(() -> guests.get(restaurantId(), guest.getId()));
        assertThat(reloaded.getFullName()).isEqualTo("Giulia Verdi");
        assertThat(reloaded.getMobile()).isEqualTo("+393339998877");
        assertThat(reloaded.getEmail()).isEqualTo("giulia@example.it");
    }

    @Test
    void anEditBasedOnAnOldVersionIsRefusedAndChangesNothing() {
        var guest = createGuest("Giulia", "Rossi", null, null);
        asOwner(() -> guests.update(new UpdateGuest(restaurantId(), guest.getId(), guest.getVersion(),
                new GuestDetails("Giulia", "Verdi", null, null))));

        assertThatThrownBy(() -> asOwner(() -> guests.update(new UpdateGuest(restaurantId(), guest.getId(),
                guest.getVersion(), new GuestDetails("Giulia", "Bianchi", null, null)))))
                .isInstanceOfSatisfying(UserFacingException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("error.conflict"));
        assertThat(asOwner(() -> guests.get(restaurantId(), guest.getId())).getFullName()).isEqualTo("Giulia Verdi");
    }

    @Test
    void tableNamesAreUniquePerRestaurantIgnoringCase() {
        String name = TestFixtures.unique("Terrazza");
        var room = book.room(restaurantId(), TestFixtures.unique("Sala"));
        var table = asOwner(() -> tables.createTable(new CreateDiningTable(restaurantId(),
                new DiningTableDetails(" " + name + " ", 4, room.getId()))));
        assertThat(table.getName()).isEqualTo(name);

        assertThatThrownBy(() -> asOwner(() -> tables.createTable(new CreateDiningTable(restaurantId(),
                new DiningTableDetails(name.toUpperCase(), 2, null)))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.messageKey()).isEqualTo("table.error.name-taken");
                });
        // the same name in another restaurant is fine
        book.table(tenant.sibling().getId(), name);

        var other = book.table(restaurantId(), TestFixtures.unique("T"));
        assertThatThrownBy(() -> asOwner(() -> tables.updateTable(new UpdateDiningTable(restaurantId(), other.getId(),
                new DiningTableDetails(name, 2, null)))))
                .isInstanceOf(RuleViolationException.class);
        // keeping its own name while changing the seats is not a clash
        var resized = asOwner(() -> tables.updateTable(new UpdateDiningTable(restaurantId(), table.getId(),
                new DiningTableDetails(name, 6, null))));
        assertThat(resized.getSeats()).isEqualTo(6);
        assertThat(asOwner(() -> tables.tables(restaurantId()))).filteredOn(t -> t.getId().equals(table.getId()))
                .singleElement()
                .satisfies(t -> assertThat(t.getRoom()).isNull());
    }

    @Test
    void seatsMustBeBetweenOneAndAHundred() {
        assertThatThrownBy(() -> asOwner(() -> tables.createTable(new CreateDiningTable(restaurantId(),
                new DiningTableDetails(TestFixtures.unique("T"), 0, null)))))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("seats");
    }

    @Test
    void aTableWithReservationsCannotBeDeleted() {
        var used = book.table(restaurantId(), TestFixtures.unique("T"));
        var unused = book.table(restaurantId(), TestFixtures.unique("T"));
        book.reservation(restaurantId(), clock.instant().plus(1, ChronoUnit.DAYS), 2, null, used);

        assertThatThrownBy(() -> asOwner(() -> {
            tables.deleteTable(restaurantId(), used.getId());
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("table.error.in-use");
            assertThat(e.arguments()).containsExactly(used.getName(), 1L);
        });
        asOwner(() -> {
            tables.deleteTable(restaurantId(), unused.getId());
            return null;
        });
        assertThat(asOwner(() -> tables.tables(restaurantId()))).extracting(DiningTable::getId)
                .containsExactly(used.getId());
    }

    @Test
    void roomNamesAreUniquePerRestaurant() {
        var terrace = book.room(restaurantId(), TestFixtures.unique("Terrazza"));
        var hall = book.room(restaurantId(), TestFixtures.unique("Sala"));

        assertThatThrownBy(() -> asOwner(() -> tables.createRoom(restaurantId(), terrace.getName())))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("room.error.name-taken"));
        assertThatThrownBy(() -> asOwner(() -> tables.renameRoom(restaurantId(), hall.getId(), terrace.getName())))
                .isInstanceOf(RuleViolationException.class);
        String newName = TestFixtures.unique("Veranda");
        assertThat(asOwner(() -> tables.renameRoom(restaurantId(), hall.getId(), newName)).getName())
                .isEqualTo(newName);
    }
}
