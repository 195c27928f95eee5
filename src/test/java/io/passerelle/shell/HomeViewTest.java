package io.passerelle.shell;

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

        assertThat(byId(Paragraph.class, "home-current-restaurant").getText())
                .contains(tenant.restaurant().getDisplayName());
    }
}
