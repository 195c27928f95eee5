package io.passerelle.connection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How connections are read on the hot paths.
 *
 * @param pushConnectionsCacheTtl how long a restaurant's enabled push connections are remembered (0: read on every
 *                                reservation change); a change of them is seen at once on this node, on others within
 *                                this time
 */
@ConfigurationProperties("passerelle.connection")
record ConnectionSettings(@DefaultValue("10s") Duration pushConnectionsCacheTtl) {}
