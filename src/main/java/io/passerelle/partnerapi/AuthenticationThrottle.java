package io.passerelle.partnerapi;

import io.passerelle.shared.ratelimit.FailureWindow;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Failed POS authentications per source address and per restaurant public ID (PROTOCOL.md: "rate limited per
 * source and per restaurant"). Only failures count: a working POS is never slowed down.
 */
@Component
class AuthenticationThrottle {

    private final PartnerApiSettings settings;
    private final FailureWindow bySource;
    private final FailureWindow byRestaurant;

    AuthenticationThrottle(PartnerApiSettings settings, Clock clock) {
        this.settings = settings;
        this.bySource = new FailureWindow(settings.failureWindow(), clock);
        this.byRestaurant = new FailureWindow(settings.failureWindow(), clock);
    }

    /** How long the source or the restaurant is still blocked; empty when neither is. */
    Optional<Duration> blockedFor(String source, String restaurant) {
        return Stream.of(bySource.blockedFor(source, settings.maxFailuresPerSource()),
                        restaurant == null ? Optional.<Duration>empty()
                                : byRestaurant.blockedFor(restaurant, settings.maxFailuresPerRestaurant()))
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    void recordFailure(String source, String restaurant) {
        bySource.recordFailure(source);
        if (restaurant != null) {
            byRestaurant.recordFailure(restaurant);
        }
    }
}
