package io.passerelle.restaurant;

import java.util.Set;

/**
 * The restaurants a person may see: all of them, those of one reseller, or an explicit set.
 * Queries across restaurants take this and turn it into their WHERE clause.
 */
public record RestaurantScope(boolean all, Long resellerId, Set<Long> restaurantIds) {

    public static RestaurantScope everything() {
        return new RestaurantScope(true, null, Set.of());
    }

    public static RestaurantScope reseller(long resellerId) {
        return new RestaurantScope(false, resellerId, Set.of());
    }

    public static RestaurantScope only(Set<Long> restaurantIds) {
        return new RestaurantScope(false, null, Set.copyOf(restaurantIds));
    }
}
