package io.passerelle.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.PasserelleTest;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.AccountProvisioning;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

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

    @Test
    void seedsTheDocumentedTenantsAndAccounts() {
        var settings = new DemoSettings(true, "passerelle-demo");
        new DemoDataSeeder(settings, provisioning, authenticationManager, restaurants, reservationBook).seedAsOnboarding();

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
