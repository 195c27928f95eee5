package io.passerelle.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.sidenav.SideNavItem;
import io.passerelle.KaribuTest;
import io.passerelle.security.AppRole;
import io.passerelle.security.UserAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The menu offers the administration screens to staff only. */
class NavigationByRoleTest extends KaribuTest {

    @Test
    void ownerIsNotOfferedAdministration() {
        assertThat(menuPathsOf(fixtures.tenant().owner())).contains("").doesNotContain("restaurants", "users");
    }

    @Test
    void resellerSupportIsNotOfferedAdministration() {
        assertThat(menuPathsOf(fixtures.tenant().support())).contains("").doesNotContain("restaurants", "users");
    }

    @Test
    void onboardingIsOfferedRestaurantsAndPeople() {
        assertThat(menuPathsOf(fixtures.staff(AppRole.ONBOARDING))).contains("restaurants", "users");
    }

    @Test
    void administratorIsOfferedRestaurantsAndPeople() {
        assertThat(menuPathsOf(fixtures.staff(AppRole.ADMIN))).contains("restaurants", "users");
    }

    private List<String> menuPathsOf(UserAccount account) {
        login(account);
        navigate("");
        return _find(SideNavItem.class).stream().map(SideNavItem::getPath).toList();
    }
}
