package io.passerelle.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.connection.ConnectPartner;
import io.passerelle.connection.ConnectionDetails;
import io.passerelle.connection.ConnectionService;
import io.passerelle.reservation.CreateDiningTable;
import io.passerelle.reservation.DiningTable;
import io.passerelle.reservation.DiningTableDetails;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.UpdateDiningTable;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.AppRole;
import io.passerelle.security.CreateUserAccount;
import io.passerelle.security.UserAccountService;
import io.passerelle.shared.RuleViolationException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two people create the same thing at once: both pass the service's check for a duplicate, the database refuses the
 * second write. The loser must read what the check says (same field, same message, same arguments), not a generic
 * error. Each race is forced by a {@link RivalWrite}.
 */
@PasserelleTest
@Import(TestFixtures.class)
class DuplicateKeyRaceTest {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    DiningTableService tables;

    @Autowired
    RestaurantService restaurants;

    @Autowired
    UserAccountService users;

    @Autowired
    ConnectionService connections;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aTableNameTakenInTheMeantimeIsRefusedAsTheCheckRefusesIt() throws Exception {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        Runnable create = () -> fixtures.runAs(tenant.owner(),
                () -> tables.createTable(new CreateDiningTable(restaurantId, new DiningTableDetails("T12", 4, null))));

        RuleViolationException lost = lostRace(DiningTableService.class, create,
                "insert into dining_table (restaurant_id, name, seats) values (?, 'T12', 2)", restaurantId);

        assertSameRefusal(lost, refusal(create));
        assertThat(lost.arguments()).containsExactly("T12");
    }

    @Test
    void aRenameRefusedAtCommitIsTranslatedToo() throws Exception {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        DiningTable table = fixtures.runAs(tenant.owner(),
                () -> tables.createTable(new CreateDiningTable(restaurantId, new DiningTableDetails("T1", 4, null))));
        Runnable rename = () -> fixtures.runAs(tenant.owner(), () -> tables.updateTable(new UpdateDiningTable(
                restaurantId, table.getId(), new DiningTableDetails("Terrace 1", 4, null))));

        RuleViolationException lost = lostRace(DiningTableService.class, rename,
                "insert into dining_table (restaurant_id, name, seats) values (?, 'Terrace 1', 2)", restaurantId);

        assertSameRefusal(lost, refusal(rename));
    }

    @Test
    void anEmailInvitedInTheMeantimeIsRefusedAsTheCheckRefusesIt() throws Exception {
        Tenant tenant = fixtures.tenant();
        String email = TestFixtures.unique("twin") + "@test.example";
        Runnable invite = () -> fixtures.runAsStaff(() -> users.invite(new CreateUserAccount(email, "Twin",
                AppRole.OWNER, null, Set.of(tenant.restaurant().getId()), Locale.ENGLISH)));

        RuleViolationException lost = lostRace(UserAccountService.class, invite, "insert into user_account (email,"
                + " display_name, password_hash, role, created_at) values (?, 'Rival', 'x', 'OWNER', ?)", email, now());

        assertSameRefusal(lost, refusal(invite));
    }

    @Test
    void aResellerNameTakenInTheMeantimeIsRefusedAsTheCheckRefusesIt() throws Exception {
        String name = TestFixtures.unique("Reseller");
        Runnable create = () -> fixtures.runAsStaff(() -> restaurants.createReseller(name));

        RuleViolationException lost = lostRace(RestaurantService.class, create,
                "insert into reseller (name, created_at) values (?, ?)", name, now());

        assertSameRefusal(lost, refusal(create));
    }

    @Test
    void aPartnerConnectedInTheMeantimeIsRefusedAsTheCheckRefusesIt() throws Exception {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        Runnable connect = () -> fixtures.runAsStaff(() -> connections.connect(new ConnectPartner(restaurantId,
                "cassasmart", new ConnectionDetails(null, null, null, null, Set.of(), false))));

        RuleViolationException lost = lostRace(ConnectionService.class, connect,
                "insert into partner_connection (restaurant_id, partner_code,"
                + " category, style, enabled, events, created_at, updated_at)"
                + " values (?, 'cassasmart', 'TILL_POS', 'PULL', false, '', ?, ?)", restaurantId, now(), now());

        assertSameRefusal(lost, refusal(connect));
    }

    @Test
    void aTillEnabledInTheMeantimeIsRefusedAsTheCheckRefusesIt() throws Exception {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        Runnable connect = () -> fixtures.runAsStaff(() -> connections.connect(new ConnectPartner(restaurantId,
                "cassasmart", new ConnectionDetails(null, null, null, null, Set.of(), true))));

        RuleViolationException lost = lostRace(ConnectionService.class, connect,
                "insert into partner_connection (restaurant_id, partner_code,"
                + " category, style, enabled, webhook_url, events, created_at, updated_at)"
                + " values (?, 'caissepad', 'TILL_POS', 'PUSH', true, 'https://pos.example/hook', '', ?, ?)",
                restaurantId, now(), now());

        RuleViolationException checked = refusal(connect);
        assertSameRefusal(lost, checked);
        assertThat(lost.field()).isEqualTo("enabled");
        assertThat(lost.arguments()).as("names the till already active").hasSize(1).doesNotContainNull();
    }

    /** The write's refusal, which came from the database, not from the service's check. */
    private RuleViolationException lostRace(Class<?> service, Runnable write, String rivalInsert,
            Object... rivalArguments) throws Exception {
        Throwable thrown = new RivalWrite(transactionManager, jdbc).race(service, write, rivalInsert, rivalArguments);
        assertThat(thrown).isInstanceOf(RuleViolationException.class)
                .hasCauseInstanceOf(DataIntegrityViolationException.class);
        return (RuleViolationException) thrown;
    }

    /** The same write once the duplicate is there for all to see: the service's own check refuses it. */
    private static RuleViolationException refusal(Runnable write) {
        Throwable thrown = catchThrowable(write::run);
        assertThat(thrown).isInstanceOf(RuleViolationException.class).hasNoCause();
        return (RuleViolationException) thrown;
    }

    private static void assertSameRefusal(RuleViolationException lost, RuleViolationException checked) {
        assertThat(lost.field()).as("field").isEqualTo(checked.field()).isNotNull();
        assertThat(lost.messageKey()).as("message").isEqualTo(checked.messageKey());
        assertThat(lost.arguments()).as("arguments").containsExactly(checked.arguments());
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
