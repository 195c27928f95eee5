package io.passerelle.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection alerts ({@code passerelle.alerts.*}).
 *
 * @param failingAfter a failure episode this long is announced to the restaurant's owners and support
 * @param checkCron    how often the (clustered) alert job looks for episodes to announce or close
 * @param mailFrom     the sender of alert e-mails (sent only when {@code spring.mail.host} is configured)
 */
@ConfigurationProperties("passerelle.alerts")
public record AlertSettings(
        @DefaultValue("30m") Duration failingAfter,
        @DefaultValue("0 * * * * ?") String checkCron,
        @DefaultValue("passerelle@localhost") String mailFrom) {}
