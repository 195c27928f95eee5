package io.passerelle.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling: once an account, or a source address, has failed this many times within the
 * block duration, every further attempt is refused until the window has passed.
 */
@ConfigurationProperties("passerelle.security.login")
public record LoginThrottleSettings(
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerSource,
        @DefaultValue("15m") Duration blockDuration) {}
