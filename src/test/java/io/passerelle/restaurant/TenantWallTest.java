package io.passerelle.restaurant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.security.AppRole;
import io.passerelle.security.UpdateUserAccount;
import io.passerelle.security.UserAccount;
import io.passerelle.security.UserAccountService;
import io.passerelle.shared.NotFoundException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

/** Each role sees exactly the restaurants it may, through the services every view and job uses. */
@PasserelleTest
@Import(TestFixtures.class)
class TenantWallTest {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    RestaurantService restaurants;

    @Autowired
    RestaurantAccess access;

    @Autowired
    UserAccountService accounts;

    private TestFixtures.Tenant tenant;
    private TestFixtures.Tenant otherTenant;

    @BeforeEach
    void twoTenants() {
        tenant = fixtures.tenant();
        otherTenant = fixtures.tenant();
    }

    @Test
    void ownerSeesOnlyTheirOwnRestaurant() {
        UserAccount owner = tenant.owner();

        assertThat(visibleIds(owner, null)).containsExactly(tenant.restaurant().getId());
        assertThat(visibleIds(owner, tenant.sibling().getName())).isEmpty();
        assertThat(fixtures.runAs(owner, () -> restaurants.get(tenant.restaurant().getId())).name())
                .isEqualTo(tenant.restaurant().getName());
        assertNotFoundFor(owner, tenant.sibling());
        assertNotFoundFor(owner, otherTenant.restaurant());
    }

    @Test
    void resellerSupportSeesOnlyTheirResellersRestaurants() {
        UserAccount support = tenant.support();

        assertThat(visibleIds(support, null))
                .containsExactlyInAnyOrder(tenant.restaurant().getId(), tenant.sibling().getId());
        assertThat(visibleIds(support, otherTenant.restaurant().getName())).isEmpty();
        assertThat(fixtures.runAs(support, () -> restaurants.get(tenant.sibling().getId())).resellerId())
                .isEqualTo(tenant.resellerId());
        assertNotFoundFor(support, otherTenant.restaurant());
        assertNotFoundFor(support, otherTenant.sibling());
    }

    @Test
    void onboardingAndAdministratorsSeeEveryRestaurant() {
        for (AppRole role : List.of(AppRole.ONBOARDING, AppRole.ADMIN)) {
            UserAccount staff = fixtures.staff(role);
            for (Restaurant restaurant : List.of(tenant.restaurant(), tenant.sibling(), otherTenant.restaurant())) {
                assertThat(visibleIds(staff, restaurant.getName())).as(role + " searching").contains(restaurant.getId());
                assertThat(fixtures.runAs(staff, () -> restaurants.get(restaurant.getId())).id())
                        .as(role + " reading").isEqualTo(restaurant.getId());
                fixtures.runAs(staff, () -> {
                    access.check(restaurant.getId());
                    return null;
                });
            }
        }
    }

    @Test
    void anotherTenantsRestaurantIsIndistinguishableFromOneThatDoesNotExist() {
        var other = otherTenant.restaurant().getId();
        assertThatThrownBy(() -> fixtures.runAs(tenant.owner(), () -> {
            access.check(other);
            return null;
        })).isInstanceOf(NotFoundException.class).hasMessage("Restaurant " + other + " not found");

        long missing = Long.MAX_VALUE;
        assertThatThrownBy(() -> fixtures.runAs(tenant.owner(), () -> {
            access.check(missing);
            return null;
        })).isInstanceOf(NotFoundException.class).hasMessage("Restaurant " + missing + " not found");
    }

    @Test
    void ownerMayNotCreateOrChangeRestaurants() {
        assertAdministrationDeniedFor(tenant.owner());
    }

    @Test
    void resellerSupportMayNotCreateOrChangeRestaurants() {
        assertAdministrationDeniedFor(tenant.support());
    }

    @Test
    void ownerAndSupportMayNotListPeople() {
        for (UserAccount account : List.of(tenant.owner(), tenant.support())) {
            assertThatThrownBy(() -> fixtures.runAs(account, () -> accounts.search(null, PageRequest.of(0, 5))))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void grantingAnOwnerAnotherRestaurantTakesEffectAtOnce() {
        UserAccount onboarding = fixtures.staff(AppRole.ONBOARDING);
        fixtures.runAs(onboarding, () -> accounts.update(new UpdateUserAccount(
                tenant.owner().getId(), "Owner of two", AppRole.OWNER, null,
                Set.of(tenant.restaurant().getId(), tenant.sibling().getId()))));

        assertThat(visibleIds(tenant.owner(), null))
                .containsExactlyInAnyOrder(tenant.restaurant().getId(), tenant.sibling().getId());
    }

    private void assertAdministrationDeniedFor(UserAccount account) {
        var restaurant = tenant.restaurant();
        assertThatThrownBy(() -> fixtures.runAs(account, () -> restaurants.create(new CreateRestaurant(
                TestFixtures.unique("Sneaky"), ZoneId.of("Europe/Paris"), Locale.FRENCH, tenant.resellerId()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.runAs(account, () -> restaurants.update(new UpdateRestaurant(
                restaurant.getId(), "Renamed", ZoneId.of("Europe/Paris"), Locale.FRENCH, tenant.resellerId()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.runAs(account, () -> restaurants.createReseller(TestFixtures.unique("R"))))
                .isInstanceOf(AccessDeniedException.class);
        var unchanged = fixtures.runAs(fixtures.staff(AppRole.ONBOARDING), () -> restaurants.get(restaurant.getId()));
        assertThat(unchanged.name()).isEqualTo(restaurant.getName());
    }

    @Test
    void searchTextIsTakenLiterallyNotAsWildcards() {
        UserAccount onboarding = fixtures.staff(AppRole.ONBOARDING);

        assertThat(visibleIds(onboarding, "%")).doesNotContain(tenant.restaurant().getId());
        assertThat(visibleIds(onboarding, "_")).doesNotContain(tenant.restaurant().getId());
        assertThat(visibleIds(onboarding, tenant.restaurant().getName().toUpperCase(Locale.ROOT)))
                .containsExactly(tenant.restaurant().getId());
        assertThat(visibleIds(onboarding, String.valueOf(tenant.restaurant().getPublicId())))
                .containsExactly(tenant.restaurant().getId());
        assertThat(fixtures.runAs(onboarding, () -> accounts.search("%", PageRequest.of(0, 5))).getContent()).isEmpty();
        assertThat(fixtures.runAs(onboarding, () -> accounts.search(tenant.owner().getEmail(), PageRequest.of(0, 5)))
                .getContent()).hasSize(1);
    }

    private void assertNotFoundFor(UserAccount account, Restaurant restaurant) {
        assertThatThrownBy(() -> fixtures.runAs(account, () -> restaurants.get(restaurant.getId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.runAs(account, () -> restaurants.getForEditing(restaurant.getId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.runAs(account, () -> {
            access.check(restaurant.getId());
            return null;
        })).isInstanceOf(NotFoundException.class);
    }

    private List<Long> visibleIds(UserAccount account, String filter) {
        return fixtures.runAs(account, () -> restaurants.search(filter, PageRequest.of(0, 1000, Sort.by("id"))))
                .map(Restaurant::getId)
                .toList();
    }
}
