package io.passerelle.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a person stays signed in. The idle timeout is the servlet session's ({@code server.servlet.session.timeout});
 * this is the absolute limit, however active the person is.
 *
 * @param absoluteLifetime after this, the session ends and the person signs in again
 */
@ConfigurationProperties("passerelle.security.session")
public record SessionLifetimeSettings(@DefaultValue("12h") Duration absoluteLifetime) {}
