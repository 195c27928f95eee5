package io.passerelle.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection health thresholds ({@code passerelle.health.*}).
 *
 * @param degradedFor     a failure episode shorter than this shows as degraded, longer as failing
 * @param longFailure     failing longer than this puts a connection at the top of the health grid
 * @param staleAmberAfter the "last synced" badge turns amber after this long without a successful sync ...
 * @param staleRedAfter   ... and red after this long
 * @param badgeRefresh    how often an open screen re-renders its badge ("N minutes ago", colour)
 */
@ConfigurationProperties("passerelle.health")
public record HealthSettings(
        @DefaultValue("5m") Duration degradedFor,
        @DefaultValue("1h") Duration longFailure,
        @DefaultValue("15m") Duration staleAmberAfter,
        @DefaultValue("1h") Duration staleRedAfter,
        @DefaultValue("30s") Duration badgeRefresh) {}
