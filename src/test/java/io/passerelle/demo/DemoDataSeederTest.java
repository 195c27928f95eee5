package io.passerelle.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.PasserelleTest;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.AccountProvisioning;
import io.passerelle.connection.ConnectionService;
import io.passerelle.partner.PartnerCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

@PasserelleTest
class DemoDataSeederTest {

    @Autowired
    AccountProvisioning provisioning;

    @Autowired
    AuthenticationManager authenticationManager;

    @Autowired
    RestaurantService restaurants;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoReservationBook reservationBook;

    @Autowired
    PartnerCatalogue catalogue;

    @Autowired
    ConnectionService connections;

    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @TempDir
    Path temporaryFolder;

    Path credentialsFile;

    @BeforeEach
    void credentialsFile() {
        credentialsFile = temporaryFolder.resolve("demo-pos.properties");
    }

    @Test
    void seedsTheDocumentedTenantsAndAccounts() throws Exception {
        var settings = new DemoSettings(true, "passerelle-demo", new DemoSettings.Pull(271828, null),
                new DemoSettings.Push(314159, null, null, null), new DemoSettings.Simulator(false, 18090, 0),
                credentialsFile);
        var credentials = new DemoPosCredentials(settings);
        new DemoDataSeeder(settings, provisioning, authenticationManager, restaurants, reservationBook, catalogue,
                connections, credentials, securityContexts).seedAsOnboarding();

        // the demo tills can log in with the documented public IDs and the generated, persisted credentials
        assertThat(connections.authenticateApiKey(271828, credentials.pullApiKey)).isPresent();
        assertThat(connections.authenticateToken(314159, credentials.pushToken)).isPresent();
        var again = new DemoPosCredentials(settings);
        assertThat(again.pullApiKey).isEqualTo(credentials.pullApiKey);
        assertThat(again.pushSigningSecret).isEqualTo(credentials.pushSigningSecret).startsWith("whsec_");
        assertThat(Files.getPosixFilePermissions(credentialsFile)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        assertThat(jdbc.queryForList("select name from reseller where name in ('Cassa Amica Srl', 'Caisse & Co SAS')"))
                .hasSize(2);
        assertThat(jdbc.queryForObject("""
                select count(*) from restaurant r join reseller s on s.id = r.reseller_id
                where s.name in ('Cassa Amica Srl', 'Caisse & Co SAS')""", Integer.class)).isEqualTo(4);
        // a reservation book from yesterday to two months ahead, holding every status
        var statuses = jdbc.queryForList("""
                select distinct status from reservation v join restaurant r on r.id = v.restaurant_id
                where r.name = 'Trattoria da Giulia'""", String.class);
        assertThat(statuses).contains("PENDING", "CONFIRMED", "ARRIVED", "FINISHED", "NO_SHOW", "CANCELLED", "REFUSED");
        // the till's side of past services: walk-ins, bills with their items, guests with statistics
        assertThat(jdbc.queryForObject("""
                select count(*) from reservation v join restaurant r on r.id = v.restaurant_id
                where r.name = 'Trattoria da Giulia' and v.source = 'WALK_IN' and v.status = 'FINISHED'""",
                Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("""
                select count(*) from reservation v join restaurant r on r.id = v.restaurant_id
                where r.name = 'Trattoria da Giulia' and v.status = 'FINISHED'
                  and not exists (select 1 from pos_order o where o.reservation_id = v.id and o.total_amount > 0)""",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from guest g join restaurant r on r.id = g.restaurant_id
                where r.name = 'Trattoria da Giulia' and g.visits > 0 and g.total_spent > 0""", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForObject("""
                select datediff(max(start_at), min(start_at)) from reservation v join restaurant r on r.id = v.restaurant_id
                where r.name = 'Bistrot des Halles'""", Integer.class)).isBetween(55, 63);
        // the owner Marco runs two restaurants, as the README says
        assertThat(jdbc.queryForObject("""
                select count(*) from user_restaurant ur join user_account u on u.id = ur.user_id
                where u.email = 'marco@demo.passerelle.test'""", Integer.class)).isEqualTo(2);
        for (String email : new String[] {"marco@demo.passerelle.test", "claire@demo.passerelle.test",
                "support@demo.passerelle.test", "onboarding@demo.passerelle.test", "admin@demo.passerelle.test"}) {
            var login = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(email, "passerelle-demo"));
            assertThat(login.isAuthenticated()).as(email).isTrue();
        }
    }
}
