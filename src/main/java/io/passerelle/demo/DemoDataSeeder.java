package io.passerelle.demo;

import io.passerelle.connection.ConnectPartner;
import io.passerelle.connection.ConnectionDetails;
import io.passerelle.connection.ConnectionService;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.restaurant.CreateRestaurant;
import io.passerelle.restaurant.Restaurant;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.AccountProvisioning;
import io.passerelle.security.AppRole;
import io.passerelle.security.CreateUserAccount;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo installation once, on an empty database. Works through the same services as the UI,
 * logged in as the demo onboarding account, so demo data obeys every rule real data does.
 */
@Component
@ConditionalOnBooleanProperty("passerelle.demo.enabled")
@EnableConfigurationProperties(DemoSettings.class)
class DemoDataSeeder implements ApplicationRunner {

    static final String ONBOARDING_EMAIL = "onboarding@demo.passerelle.test";
    static final String PULL_PARTNER = "cassasmart";
    static final String PUSH_PARTNER = "caissepad";
    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final DemoSettings settings;
    private final AccountProvisioning provisioning;
    private final AuthenticationManager authenticationManager;
    private final RestaurantService restaurants;
    private final DemoReservationBook reservationBook;
    private final PartnerCatalogue catalogue;
    private final ConnectionService connections;
    private final DemoPosCredentials credentials;
    /** The application's, which method security reads: the static holder may be another context's in tests. */
    private final SecurityContextHolderStrategy securityContexts;

    DemoDataSeeder(DemoSettings settings, AccountProvisioning provisioning,
            AuthenticationManager authenticationManager, RestaurantService restaurants,
            DemoReservationBook reservationBook, PartnerCatalogue catalogue, ConnectionService connections,
            DemoPosCredentials credentials, SecurityContextHolderStrategy securityContexts) {
        this.settings = settings;
        this.securityContexts = securityContexts;
        this.provisioning = provisioning;
        this.authenticationManager = authenticationManager;
        this.restaurants = restaurants;
        this.reservationBook = reservationBook;
        this.catalogue = catalogue;
        this.connections = connections;
        this.credentials = credentials;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (provisioning.anyAccountExists()) {
            log.info("Demo data already present; not seeding again");
            return;
        }
        seedAsOnboarding();
    }

    void seedAsOnboarding() {
        account(ONBOARDING_EMAIL, "Olivia Onboarding", AppRole.ONBOARDING, null, Set.of(), Locale.ENGLISH);
        var authentication = authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(ONBOARDING_EMAIL, settings.password()));
        securityContexts.getContext().setAuthentication(authentication);
        try {
            seed();
        } finally {
            securityContexts.clearContext();
        }
    }

    private void seed() {
        var italianReseller = restaurants.createReseller("Cassa Amica Srl");
        var frenchReseller = restaurants.createReseller("Caisse & Co SAS");
        Restaurant trattoria = restaurants.createWithPublicId(new CreateRestaurant("Trattoria da Giulia",
                ZoneId.of("Europe/Rome"), Locale.ITALIAN, italianReseller.getId()), settings.pull().restaurantId());
        Restaurant osteria = restaurant("Osteria del Porto", "Europe/Rome", Locale.ITALIAN, italianReseller.getId());
        Restaurant bistrot = restaurants.createWithPublicId(new CreateRestaurant("Bistrot des Halles",
                ZoneId.of("Europe/Paris"), Locale.FRENCH, frenchReseller.getId()), settings.push().restaurantId());
        Restaurant brasserie = restaurant("Brasserie du Marché", "Europe/Paris", Locale.FRENCH, frenchReseller.getId());

        account("marco@demo.passerelle.test", "Marco Bianchi", AppRole.OWNER, null,
                Set.of(trattoria.getId(), osteria.getId()), Locale.ITALIAN);
        account("claire@demo.passerelle.test", "Claire Martin", AppRole.OWNER, null,
                Set.of(bistrot.getId(), brasserie.getId()), Locale.FRENCH);
        account("support@demo.passerelle.test", "Sofia Support", AppRole.RESELLER_SUPPORT,
                italianReseller.getId(), Set.of(), Locale.ITALIAN);
        account("admin@demo.passerelle.test", "Ada Admin", AppRole.ADMIN, null, Set.of(), Locale.ENGLISH);

        connectPullTill(trattoria.getId());
        connectPushTill(bistrot.getId());

        int reservations = 0;
        for (Restaurant restaurant : List.of(trattoria, osteria, bistrot, brasserie)) {
            reservations += reservationBook.fill(restaurant.toRef(), restaurant.getLocale());
        }
        log.info("Demo data seeded: 2 resellers, 4 restaurants, {} reservations, 5 accounts (password in the README)",
                reservations);
    }

    private void connectPullTill(long restaurantId) {
        var partner = catalogue.byCode(PULL_PARTNER).orElseThrow();
        var connection = connections.connect(new ConnectPartner(restaurantId, partner.code(),
                new ConnectionDetails(null, null, null, null, partner.supportedEvents(), true)));
        connections.installCredentials(restaurantId, connection.getId(), credentials.pullApiKey, null);
    }

    private void connectPushTill(long restaurantId) {
        var partner = catalogue.byCode(PUSH_PARTNER).orElseThrow();
        var connection = connections.connect(new ConnectPartner(restaurantId, partner.code(),
                new ConnectionDetails(settings.pushWebhookUrl(), credentials.pushToken,
                        settings.simulator().baseUrl().toString(), DemoSettings.Simulator.PUSH_INSTALLATION,
                        partner.supportedEvents(), true)));
        connections.installCredentials(restaurantId, connection.getId(), null, credentials.pushSigningSecret);
    }

    private Restaurant restaurant(String name, String zone, Locale locale, long resellerId) {
        return restaurants.create(new CreateRestaurant(name, ZoneId.of(zone), locale, resellerId));
    }

    private void account(String email, String name, AppRole role, Long resellerId, Set<Long> restaurantIds,
            Locale locale) {
        provisioning.provision(new CreateUserAccount(email, name, role, resellerId, restaurantIds, locale),
                settings.password());
    }
}
