package io.passerelle.restaurant;

import java.time.ZoneId;
import java.util.Locale;

/**
 * What other features need to know of a restaurant, detached from the persistence context.
 *
 * @param locale the restaurant's own locale: how its money is written
 */
public record RestaurantRef(long id, int publicId, String name, ZoneId timeZone, long resellerId, Locale locale) {

    public String displayName() {
        return name + " [" + publicId + "]";
    }
}
