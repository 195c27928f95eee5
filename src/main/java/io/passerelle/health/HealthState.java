package io.passerelle.health;

/** A connection's health, most urgent first (the grid sorts on this order). */
public enum HealthState {
    /** Nothing has reached the POS for longer than {@code passerelle.health.degraded-for}. */
    FAILING,
    /** Calls are failing since a short while, or the circuit breaker rests the POS. */
    DEGRADED,
    HEALTHY,
    /** Switched off: nothing is sent, nothing is expected. */
    DISABLED;

    public String labelKey() {
        return "health.state." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
