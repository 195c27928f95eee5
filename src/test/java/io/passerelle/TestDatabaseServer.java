package io.passerelle;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The MariaDB server the tests were pointed at ({@code PASSERELLE_TEST_DB_URL}, as CI does), on which each user of it
 * gets a database of its own: a Spring test context, the production jar of the browser tests.
 */
public record TestDatabaseServer(String serverUrl, String parameters, String user, String password) {

    private static final Pattern URL = Pattern.compile("^(jdbc:mariadb://[^/?]+)/?[^?]*(\\?.*)?$");

    /** The server named by the environment, or empty: then tests start an embedded MariaDB. */
    public static Optional<TestDatabaseServer> fromEnvironment() {
        String url = System.getenv("PASSERELLE_TEST_DB_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        var parts = URL.matcher(url.strip());
        if (!parts.matches()) {
            throw new IllegalStateException("PASSERELLE_TEST_DB_URL is not a jdbc:mariadb:// URL: " + url);
        }
        return Optional.of(new TestDatabaseServer(parts.group(1), parts.group(2) == null ? "" : parts.group(2),
                System.getenv().getOrDefault("PASSERELLE_TEST_DB_USER", "root"),
                System.getenv().getOrDefault("PASSERELLE_TEST_DB_PASSWORD", "")));
    }

    /** Drops {@code name} if an earlier run left it, creates it empty, and returns its JDBC URL. */
    public String freshDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return serverUrl + "/" + name + parameters;
    }

    public void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    private void execute(String sql) {
        try (var connection = DriverManager.getConnection(serverUrl + "/", user, password);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run `" + sql + "` on " + serverUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TestDatabaseServer[" + serverUrl + ", user=" + user + "]";
    }
}
