package io.passerelle.restaurant;

import java.time.ZoneId;

/** What other features need to know of a restaurant, detached from the persistence context. */
public record RestaurantRef(long id, int publicId, String name, ZoneId timeZone, long resellerId) {

    public String displayName() {
        return name + " [" + publicId + "]";
    }
}
