package io.passerelle.restaurant;

import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import io.passerelle.security.UserAccountService;
import io.passerelle.shared.NotFoundException;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The restaurant the person is working on in this browser session. Starts at the one they used last
 * (remembered per user), or the first they may see.
 */
@Component
@VaadinSessionScope
public class CurrentRestaurant {

    private final RestaurantService restaurants;
    private final UserAccountService accounts;
    private final RestaurantAccess access;
    private RestaurantRef selected;
    private boolean initialised;

    CurrentRestaurant(RestaurantService restaurants, UserAccountService accounts, RestaurantAccess access) {
        this.restaurants = restaurants;
        this.accounts = accounts;
        this.access = access;
    }

    /** Re-checked on every call: access withdrawn during the session moves the person to a restaurant they may see. */
    public Optional<RestaurantRef> get() {
        if (!initialised || (selected != null && !access.canSee(selected.id()))) {
            initialised = true;
            selected = initial();
        }
        return Optional.ofNullable(selected);
    }

    public void select(long restaurantId) {
        selected = restaurants.get(restaurantId);
        initialised = true;
        accounts.rememberRestaurant(restaurantId);
    }

    private RestaurantRef initial() {
        Long last = accounts.me().getLastRestaurantId();
        if (last != null) {
            try {
                return restaurants.get(last);
            } catch (NotFoundException notVisibleAnyMore) {
                // access was withdrawn since: fall through to the first visible restaurant
            }
        }
        return restaurants.search(null, PageRequest.of(0, 1, Sort.by("name"))).stream()
                .findFirst()
                .map(Restaurant::toRef)
                .orElse(null);
    }
}
