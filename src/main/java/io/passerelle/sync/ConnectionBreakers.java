package io.passerelle.sync;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;

/**
 * One circuit breaker per push connection, on this node: after too many failed calls to a POS, calls stop
 * for a while (messages are postponed, not charged an attempt) and the connection shows as degraded. Only
 * failures worth a retry count: a POS that refuses a message is alive.
 */
class ConnectionBreakers {

    private final CircuitBreakerRegistry registry;

    ConnectionBreakers(SyncSettings settings, Clock clock) {
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.breakerFailureRate())
                .slidingWindow(settings.breakerWindow(), settings.breakerWindow(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
    }

    CircuitBreaker forConnection(long connectionId) {
        return registry.circuitBreaker("connection-" + connectionId);
    }

    /** The pay-at-table server is another host than the webhook: its own breaker. */
    CircuitBreaker forPayAtTable(long connectionId) {
        return registry.circuitBreaker("pay-at-table-" + connectionId);
    }

    /** Without creating a breaker for a connection never called from here. */
    CircuitBreaker.State state(long connectionId) {
        return registry.find("connection-" + connectionId).map(CircuitBreaker::getState)
                .orElse(CircuitBreaker.State.CLOSED);
    }
}
