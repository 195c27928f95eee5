package io.passerelle;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Starts every test run from an empty schema, also when the tests point at a long-lived server. */
@TestConfiguration(proxyBeanMethods = false)
class TestDatabaseConfiguration {

    private static final AtomicBoolean cleaned = new AtomicBoolean();

    @Bean
    FlywayMigrationStrategy cleanOncePerRun(@Value("${passerelle.test.clean-database:false}") boolean clean) {
        return flyway -> {
            if (clean && cleaned.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
