package io.passerelle.reservation;

import io.passerelle.TestFixtures;
import io.passerelle.security.AppRole;
import io.passerelle.security.UserAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;

/**
 * Fills restaurants' reservation books for tests, through the real services, as an onboarding
 * account (who may see every restaurant). Not a Spring bean: importing one would change the context.
 */
public final class ReservationBook {

    private final TestFixtures fixtures;
    private final ReservationService reservations;
    private final GuestService guests;
    private final DiningTableService tables;
    private final JdbcTemplate jdbc;
    private final UserAccount staff;
    /** Logging in checks a bcrypt hash (slow on purpose): once per account is enough. */
    private final Map<Long, Authentication> authentications = new HashMap<>();

    public ReservationBook(TestFixtures fixtures, ReservationService reservations, GuestService guests,
            DiningTableService tables, JdbcTemplate jdbc) {
        this.fixtures = fixtures;
        this.reservations = reservations;
        this.guests = guests;
        this.tables = tables;
        this.jdbc = jdbc;
        this.staff = fixtures.staff(AppRole.ONBOARDING);
    }

    /** Runs the block as the given person, as a call from their session would. */
    public <T> T as(UserAccount account, Supplier<T> block) {
        return fixtures.runAs(authentications.computeIfAbsent(account.getId(), id -> fixtures.authenticate(account)),
                block);
    }

    public Guest guest(long restaurantId, String firstName, String lastName) {
        return as(staff, () -> guests.create(new CreateGuest(restaurantId,
                new GuestDetails(firstName, lastName, "+393331234567", null))));
    }

    public DiningTable table(long restaurantId, String name) {
        return as(staff, () -> tables.createTable(new CreateDiningTable(restaurantId,
                new DiningTableDetails(name, 4, null))));
    }

    public Room room(long restaurantId, String name) {
        return as(staff, () -> tables.createRoom(restaurantId, name));
    }

    public Reservation reservation(long restaurantId, Instant start, int partySize, Guest guest, DiningTable table) {
        return as(staff, () -> reservations.create(new CreateReservation(restaurantId,
                new ReservationDetails(start, partySize, null, table == null ? null : table.getId(),
                        guest == null ? null : guest.getId()))));
    }

    public Reservation reservation(long restaurantId, Instant start, Guest guest) {
        return reservation(restaurantId, start, 2, guest, null);
    }

    public Reservation changeStatus(Reservation reservation, ReservationStatus status) {
        return as(staff, () -> reservations.changeStatus(reservation.getRestaurantId(),
                reservation.getId(), status));
    }

    /** What the POS will report when bills close (the sync feature writes these; here, straight SQL). */
    public void statistics(Guest guest, int visits, int covers, String totalSpent) {
        jdbc.update("update guest set visits = ?, covers = ?, total_spent = ? where id = ?", visits, covers,
                new BigDecimal(totalSpent), guest.getId());
    }
}
