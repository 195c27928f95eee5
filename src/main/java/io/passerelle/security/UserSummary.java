package io.passerelle.security;

/** One row of the people list: what staff need to see of an account without loading its collections. */
public record UserSummary(
        long id,
        String email,
        String displayName,
        AppRole role,
        Long resellerId,
        int restaurantCount,
        boolean enabled) {}
