package io.passerelle.partnerapi;

import io.passerelle.shared.ratelimit.FailureWindow;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Failed POS authentications per source address, per source and restaurant, and per restaurant (PROTOCOL.md: "rate
 * limited per source and per restaurant"). Only failures count: a working POS is never slowed down.
 *
 * <p>A restaurant's public ID is public, so failures naming it must not lock its own till out: they only make
 * wrong credentials for it answer 429 ({@link #restaurantBlockedFor}), checked like any other. What is refused
 * unchecked ({@link #sourceBlockedFor}) is keyed by the failing source: past its own limits, and, once the
 * restaurant is under attack, after a single failure for it, so that many addresses get few guesses each.
 * A restaurant is its parsed public ID ("07" is 7); a request naming none counts for its source only.
 */
@Component
class AuthenticationThrottle {

    private final PartnerApiSettings settings;
    private final FailureWindow bySource;
    private final FailureWindow bySourceAndRestaurant;
    private final FailureWindow byRestaurant;

    AuthenticationThrottle(PartnerApiSettings settings, Clock clock) {
        this.settings = settings;
        this.bySource = new FailureWindow(settings.failureWindow(), clock);
        this.bySourceAndRestaurant = new FailureWindow(settings.failureWindow(), clock);
        this.byRestaurant = new FailureWindow(settings.failureWindow(), clock);
    }

    /** How long requests from this source naming this restaurant (or null) are refused without being checked. */
    Optional<Duration> sourceBlockedFor(String source, Integer restaurant) {
        Optional<Duration> forRestaurant = Optional.empty();
        if (restaurant != null) {
            int limit = restaurantBlockedFor(restaurant).isPresent() ? 1 : settings.maxFailuresPerRestaurant();
            forRestaurant = bySourceAndRestaurant.blockedFor(sourceAndRestaurant(source, restaurant), limit);
        }
        return Stream.of(bySource.blockedFor(source, settings.maxFailuresPerSource()), forRestaurant)
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    /** How long wrong credentials for this restaurant are answered 429 rather than 401; right ones still pass. */
    Optional<Duration> restaurantBlockedFor(int restaurant) {
        return byRestaurant.blockedFor(String.valueOf(restaurant), settings.maxFailuresPerRestaurant());
    }

    void recordFailure(String source, Integer restaurant) {
        bySource.recordFailure(source);
        if (restaurant != null) {
            bySourceAndRestaurant.recordFailure(sourceAndRestaurant(source, restaurant));
            byRestaurant.recordFailure(String.valueOf(restaurant));
        }
    }

    private static String sourceAndRestaurant(String source, int restaurant) {
        return source + " " + restaurant;
    }
}
