package io.passerelle;

import io.passerelle.partner.PartnerEventType;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.GuestService;
import io.passerelle.reservation.ReservationBook;
import io.passerelle.reservation.ReservationService;
import io.passerelle.restaurant.CreateRestaurant;
import io.passerelle.restaurant.Restaurant;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.AccountProvisioning;
import io.passerelle.security.AppRole;
import io.passerelle.security.CreateUserAccount;
import io.passerelle.security.UserAccount;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Builds tenants and people for a test through the real services. Names are unique per call, so
 * tests sharing one database never see each other's rows by accident.
 */
@TestComponent
public class TestFixtures {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger sequence = new AtomicInteger();

    private final AccountProvisioning provisioning;
    private final RestaurantService restaurants;
    private final AuthenticationManager authenticationManager;
    private final SecurityContextHolderStrategy securityContexts;
    private final ApplicationContext context;

    TestFixtures(AccountProvisioning provisioning, RestaurantService restaurants,
            AuthenticationManager authenticationManager, SecurityContextHolderStrategy securityContexts,
            ApplicationContext context) {
        this.provisioning = provisioning;
        this.restaurants = restaurants;
        this.authenticationManager = authenticationManager;
        this.securityContexts = securityContexts;
        this.context = context;
    }

    /** A helper that fills reservation books through the real services. */
    public ReservationBook reservationBook() {
        return new ReservationBook(this, context.getBean(ReservationService.class), context.getBean(GuestService.class),
                context.getBean(DiningTableService.class), context.getBean(JdbcTemplate.class));
    }

    /**
     * The events a connection receives (any other is refused with 403), written past ConnectionService, which allows
     * only the partner's own: a test's POS may post any event whichever partner it connects (ConnectionServiceTest
     * covers the catalogue's lists). Before the connection's first request: accepted credentials are cached.
     */
    public void receiveEvents(long connectionId, Set<PartnerEventType> events) {
        context.getBean(JdbcTemplate.class).update("update partner_connection set events = ? where id = ?",
                events.stream().map(PartnerEventType::wireName).sorted().collect(Collectors.joining(",")),
                connectionId);
    }

    /** {@link #receiveEvents} of every type. */
    public void receiveEveryEvent(long connectionId) {
        receiveEvents(connectionId, EnumSet.allOf(PartnerEventType.class));
    }

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + sequence.incrementAndGet();
    }

    /** A reseller with two restaurants, an owner of the first, and a support account of the reseller. */
    public Tenant tenant() {
        return runAsStaff(() -> {
            var reseller = restaurants.createReseller(unique("Reseller"));
            var first = restaurant(reseller.getId(), unique("Trattoria"));
            var second = restaurant(reseller.getId(), unique("Bistrot"));
            var owner = account(AppRole.OWNER, null, Set.of(first.getId()));
            var support = account(AppRole.RESELLER_SUPPORT, reseller.getId(), Set.of());
            return new Tenant(reseller.getId(), first, second, owner, support);
        });
    }

    public UserAccount account(AppRole role, Long resellerId, Set<Long> restaurantIds) {
        return provisioning.provision(new CreateUserAccount(unique(role.name().toLowerCase(Locale.ROOT)) + "@test.example",
                "Test " + role, role, resellerId, restaurantIds, Locale.ENGLISH), PASSWORD);
    }

    public Authentication authenticate(UserAccount account) {
        return authenticationManager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(account.getEmail(), PASSWORD));
    }

    /** Runs the block as the given person, as a service call from their session would. */
    public <T> T runAs(UserAccount account, Supplier<T> block) {
        return runAs(authenticate(account), block);
    }

    /** With an authentication made once ({@link #authenticate}): logging in checks a bcrypt hash, slow on purpose. */
    public <T> T runAs(Authentication authentication, Supplier<T> block) {
        var previous = securityContexts.getContext().getAuthentication();
        useAuthentication(authentication);
        try {
            return block.get();
        } finally {
            useAuthentication(previous);
        }
    }

    /**
     * Makes the authentication current for this thread. Method security reads the strategy bean, while
     * a Vaadin servlet initialised by a UI test may have installed another strategy instance in the static
     * holder since; both must agree.
     */
    public void useAuthentication(Authentication authentication) {
        securityContexts.getContext().setAuthentication(authentication);
        if (SecurityContextHolder.getContextHolderStrategy() != securityContexts) {
            SecurityContextHolder.getContext().setAuthentication(authentication);
        }
    }

    public <T> T runAsStaff(Supplier<T> block) {
        return runAs(staff(AppRole.ONBOARDING), block);
    }

    public UserAccount staff(AppRole role) {
        return account(role, null, Set.of());
    }

    private Restaurant restaurant(long resellerId, String name) {
        return restaurants.create(new CreateRestaurant(name, ZoneId.of("Europe/Rome"), Locale.ITALIAN, resellerId));
    }

    public record Tenant(long resellerId, Restaurant restaurant, Restaurant sibling, UserAccount owner,
            UserAccount support) {}
}
