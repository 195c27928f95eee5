package io.passerelle.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.combobox.ComboBox;
import io.passerelle.KaribuTest;
import io.passerelle.TestFixtures;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.security.AppRole;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenant wall as people meet it: the restaurant switcher offers only what they may see. */
class RestaurantSwitcherTest extends KaribuTest {

    private TestFixtures.Tenant tenant;
    private TestFixtures.Tenant otherTenant;

    @BeforeEach
    void twoTenants() {
        tenant = fixtures.tenant();
        otherTenant = fixtures.tenant();
    }

    @Test
    void ownerIsOfferedOnlyTheirRestaurant() {
        login(tenant.owner());
        navigate("");

        assertThat(offeredIds()).containsExactly(tenant.restaurant().getId());
    }

    @Test
    void resellerSupportIsOfferedOnlyTheirResellersRestaurants() {
        login(tenant.support());
        navigate("");

        assertThat(offeredIds()).containsExactlyInAnyOrder(tenant.restaurant().getId(), tenant.sibling().getId());
    }

    @Test
    void onboardingIsOfferedEveryTenantsRestaurants() {
        login(fixtures.staff(AppRole.ONBOARDING));
        navigate("");

        assertThat(offeredIds()).contains(tenant.restaurant().getId(), tenant.sibling().getId(),
                otherTenant.restaurant().getId(), otherTenant.sibling().getId());
    }

    private List<Long> offeredIds() {
        ComboBox<RestaurantRef> switcher = byId(ComboBox.class, "restaurant-switcher");
        return ComboBoxKt.getSuggestionItems(switcher).stream().map(RestaurantRef::id).toList();
    }
}
