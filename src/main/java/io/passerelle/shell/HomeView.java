package io.passerelle.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.passerelle.restaurant.CurrentRestaurant;
import io.passerelle.security.CurrentUser;
import jakarta.annotation.security.PermitAll;

/** Landing page after login: who you are and which restaurant you are working on. */
@Route("")
@Menu(order = 0, title = "nav.home", icon = "vaadin:home")
@PermitAll
class HomeView extends VerticalLayout implements HasDynamicTitle {

    HomeView(CurrentUser currentUser, CurrentRestaurant currentRestaurant) {
        setId("home-view");
        add(new H2(getTranslation("home.welcome", currentUser.require().displayName())));
        var restaurant = new Paragraph(currentRestaurant.get()
                .map(r -> getTranslation("home.current-restaurant", r.displayName()))
                .orElse(getTranslation("home.no-restaurant")));
        restaurant.setId("home-current-restaurant");
        add(restaurant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home");
    }
}
