package io.passerelle.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.security.AppRole;
import io.passerelle.security.UserAccount;
import io.passerelle.shared.NotFoundException;
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

/** Who may read and change which restaurant's book: one test per role, plus ids smuggled across tenants. */
@PasserelleTest
@Import(TestFixtures.class)
class ReservationTenantWallTest {

    @Autowired
    TestFixtures fixtures;
    @Autowired
    ReservationService reservations;
    @Autowired
    GuestService guests;
    @Autowired
    DiningTableService tables;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    ReservationBook book;
    Tenant tenant;
    Tenant otherTenant;
    Instant tomorrow;
    /** One reservation, guest and table in each of: tenant's restaurant, its sibling, the other tenant's restaurant. */
    Fill own;
    Fill sibling;
    Fill foreign;

    record Fill(long restaurantId, Reservation reservation, Guest guest, DiningTable table, Room room) {}

    @BeforeEach
    void setUp() {
        book = fixtures.reservationBook();
        tenant = fixtures.tenant();
        otherTenant = fixtures.tenant();
        tomorrow = clock.instant().plus(1, ChronoUnit.DAYS);
        own = fill(tenant.restaurant().getId());
        sibling = fill(tenant.sibling().getId());
        foreign = fill(otherTenant.restaurant().getId());
    }

    private Fill fill(long restaurantId) {
        var guest = book.guest(restaurantId, "Ada", "Lovelace");
        var table = book.table(restaurantId, TestFixtures.unique("T"));
        var room = book.room(restaurantId, TestFixtures.unique("Sala"));
        return new Fill(restaurantId, book.reservation(restaurantId, tomorrow, 2, guest, table), guest, table, room);
    }

    @Test
    void anOwnerWorksInTheirRestaurant() {
        assertCanReadAndChange(tenant.owner(), own);
    }

    @Test
    void anOwnerFindsNothingInARestaurantTheyDoNotOwn() {
        assertWalledOff(tenant.owner(), sibling);
        assertWalledOff(tenant.owner(), foreign);
    }

    @Test
    void anotherTenantsIdsLookedUpThroughYourOwnRestaurantAreNotFound() {
        UserAccount owner = tenant.owner();
        long mine = own.restaurantId();
        long reservationId = foreign.reservation().getId();
        List<Supplier<?>> smuggled = List.of(
                () -> reservations.get(mine, reservationId),
                () -> reservations.update(new UpdateReservation(mine, reservationId, 0, details(null, null))),
                () -> reservations.changeStatus(mine, reservationId, ReservationStatus.CONFIRMED),
                () -> reservations.create(new CreateReservation(mine, details(foreign.table().getId(), null))),
                () -> reservations.create(new CreateReservation(mine, details(null, foreign.guest().getId()))),
                () -> guests.get(mine, foreign.guest().getId()),
                () -> guests.profile(mine, foreign.guest().getId()),
                () -> guests.update(new UpdateGuest(mine, foreign.guest().getId(), foreign.guest().getVersion(), guestDetails())),
                () -> tables.updateTable(new UpdateDiningTable(mine, foreign.table().getId(), tableDetails(null))),
                () -> tables.createTable(new CreateDiningTable(mine, tableDetails(foreign.room().getId()))),
                () -> tables.renameRoom(mine, foreign.room().getId(), TestFixtures.unique("Hall")),
                () -> run(() -> tables.deleteTable(mine, foreign.table().getId())));
        for (Supplier<?> call : smuggled) {
            assertThatThrownBy(() -> book.as(owner, call)).isInstanceOf(NotFoundException.class);
        }
        var untouched = book.as(otherTenant.owner(), () -> reservations.get(foreign.restaurantId(), reservationId));
        assertThat(untouched.getVersion()).isZero();
        assertThat(untouched.getStatus()).isEqualTo(ReservationStatus.PENDING);
    }

    @Test
    void resellerSupportSeesEveryRestaurantOfItsResellerButNoOtherResellers() {
        assertCanReadAndChange(tenant.support(), own);
        assertCanReadAndChange(tenant.support(), sibling);
        assertWalledOff(tenant.support(), foreign);
    }

    @Test
    void onboardingAndAdministratorsSeeEveryRestaurant() {
        for (AppRole role : List.of(AppRole.ONBOARDING, AppRole.ADMIN)) {
            UserAccount staff = fixtures.staff(role);
            assertCanReadAndChange(staff, own);
            assertCanReadAndChange(staff, foreign);
        }
    }

    private void assertCanReadAndChange(UserAccount account, Fill fill) {
        long restaurantId = fill.restaurantId();
        long reservationId = fill.reservation().getId();
        book.as(account, () -> {
            assertThat(reservations.page(restaurantId, ReservationFilter.ofGuest(fill.guest().getId()),
                    PageRequest.of(0, 10)).map(Reservation::getId)).containsExactly(reservationId);
            var current = reservations.get(restaurantId, reservationId);
            var updated = reservations.update(new UpdateReservation(restaurantId, reservationId, current.getVersion(),
                    new ReservationDetails(tomorrow, current.getPartySize() + 1, null, fill.table().getId(),
                            fill.guest().getId())));
            assertThat(updated.getVersion()).isEqualTo(current.getVersion() + 1);
            assertThat(guests.page(restaurantId, "lovelace", PageRequest.of(0, 10)).map(Guest::getId))
                    .containsExactly(fill.guest().getId());
            assertThat(guests.profile(restaurantId, fill.guest().getId()).reservations()).isEqualTo(1);
            assertThat(tables.tables(restaurantId)).extracting(DiningTable::getId).containsExactly(fill.table().getId());
            assertThat(tables.rooms(restaurantId)).extracting(Room::getId).containsExactly(fill.room().getId());
            return null;
        });
    }

    private void assertWalledOff(UserAccount account, Fill fill) {
        long restaurantId = fill.restaurantId();
        long reservationId = fill.reservation().getId();
        List<Supplier<?>> calls = List.of(
                () -> reservations.page(restaurantId, ReservationFilter.between(null, null), PageRequest.of(0, 10)),
                () -> reservations.get(restaurantId, reservationId),
                () -> reservations.create(new CreateReservation(restaurantId, details(null, null))),
                () -> reservations.update(new UpdateReservation(restaurantId, reservationId, 0, details(null, null))),
                () -> reservations.changeStatus(restaurantId, reservationId, ReservationStatus.CONFIRMED),
                () -> guests.page(restaurantId, null, PageRequest.of(0, 10)),
                () -> guests.get(restaurantId, fill.guest().getId()),
                () -> guests.profile(restaurantId, fill.guest().getId()),
                () -> guests.create(new CreateGuest(restaurantId, guestDetails())),
                () -> guests.update(new UpdateGuest(restaurantId, fill.guest().getId(), fill.guest().getVersion(), guestDetails())),
                () -> tables.tables(restaurantId),
                () -> tables.rooms(restaurantId),
                () -> tables.createTable(new CreateDiningTable(restaurantId, tableDetails(null))),
                () -> tables.updateTable(new UpdateDiningTable(restaurantId, fill.table().getId(), tableDetails(null))),
                () -> run(() -> tables.deleteTable(restaurantId, fill.table().getId())),
                () -> tables.createRoom(restaurantId, TestFixtures.unique("Hall")),
                () -> tables.renameRoom(restaurantId, fill.room().getId(), TestFixtures.unique("Hall")));
        for (Supplier<?> call : calls) {
            assertThatThrownBy(() -> book.as(account, call)).isInstanceOf(NotFoundException.class);
        }
    }

    private ReservationDetails details(Long tableId, Long guestId) {
        return new ReservationDetails(tomorrow, 2, null, tableId, guestId);
    }

    private static GuestDetails guestDetails() {
        return new GuestDetails("Grace", "Hopper", null, null);
    }

    private static DiningTableDetails tableDetails(Long roomId) {
        return new DiningTableDetails(TestFixtures.unique("T"), 2, roomId);
    }

    private static Object run(Runnable action) {
        action.run();
        return null;
    }
}
