package io.passerelle.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Paragraph;
import io.passerelle.KaribuTest;
import org.junit.jupiter.api.Test;

class HomeViewTest extends KaribuTest {

    @Test
    void ownerLandsOnTheirRestaurant() {
        var tenant = fixtures.tenant();
        login(tenant.owner());
        navigate("");

        assertThat(_get(Paragraph.class, spec -> spec.withId("home-current-restaurant")).getText())
                .contains(tenant.restaurant().getDisplayName());
    }
}
