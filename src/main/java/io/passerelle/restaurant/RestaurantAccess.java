package io.passerelle.restaurant;

import io.passerelle.security.CurrentUser;
import io.passerelle.security.PasserelleUser;
import io.passerelle.security.UserAccountService;
import io.passerelle.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant wall. Every service that touches a restaurant's data calls {@link #check(long)} first;
 * a restaurant the caller may not see is reported exactly like one that does not exist.
 */
@Component
public class RestaurantAccess {

    private final CurrentUser currentUser;
    private final RestaurantRepository restaurants;
    private final UserAccountService accounts;

    RestaurantAccess(CurrentUser currentUser, RestaurantRepository restaurants, UserAccountService accounts) {
        this.currentUser = currentUser;
        this.restaurants = restaurants;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public boolean canSee(long restaurantId) {
        PasserelleUser user = currentUser.require();
        return switch (user.role()) {
            case ADMIN, ONBOARDING -> restaurants.existsById(restaurantId);
            case RESELLER_SUPPORT -> user.resellerId() != null
                    && restaurants.existsByIdAndResellerId(restaurantId, user.resellerId());
            case OWNER -> accounts.ownsRestaurant(user.userId(), restaurantId);
        };
    }

    /** Throws "not found" unless the current user may see the restaurant. */
    public void check(long restaurantId) {
        if (!canSee(restaurantId)) {
            throw NotFoundException.forId("Restaurant", restaurantId);
        }
    }

    @Transactional(readOnly = true)
    public RestaurantScope scope() {
        PasserelleUser user = currentUser.require();
        return switch (user.role()) {
            case ADMIN, ONBOARDING -> RestaurantScope.everything();
            case RESELLER_SUPPORT -> user.resellerId() == null ? RestaurantScope.only(java.util.Set.of())
                    : RestaurantScope.reseller(user.resellerId());
            case OWNER -> RestaurantScope.only(accounts.me().getRestaurantIds());
        };
    }
}
