package io.passerelle.sync;

import static io.passerelle.sync.SimulatedPos.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.passerelle.PasserelleApplication;
import io.passerelle.PasserelleTest;
import io.passerelle.connection.SealedSecrets;
import io.passerelle.partner.WireIds;
import io.passerelle.simulator.InstallationSettings;
import io.passerelle.simulator.PosSimulator;
import io.passerelle.simulator.SimulatorSettings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4 item 8: two real Passerelle processes on one MariaDB schema share the outbox, and a node killed with
 * {@code kill -9} in the middle of a run loses nothing: the other node takes its claims over once their lease
 * ends, and the POS (the simulator, which dedupes by webhook-id) ends up with every message exactly once in effect.
 *
 * <p>The nodes get a schema of their own on the test MariaDB server, so this test's own application context (a
 * third relay) stays out of it. The changes are written to the outbox as the writer does, many versions per
 * reservation: what is under test is the relay's sharing, leasing and ordering across processes.
 */
@PasserelleTest
class TwoNodeClusterTest {

    private static final int RESERVATIONS = 150;
    private static final int VERSIONS = 3;
    private static final Duration CLAIM_LEASE = Duration.ofSeconds(5);
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    DataSource testDataSource;

    @Autowired
    JdbcTemplate testJdbc;

    private final List<Node> nodes = new ArrayList<>();
    private PosSimulator simulator;
    private String schema;

    @Test
    void twoNodesShareTheOutboxAndANodeKilledMidRunLosesNothing() throws Exception {
        String secretsKey = randomBase64(32);
        String signingSecret = "whsec_" + randomBase64(32);
        String token = "tok_" + UUID.randomUUID();
        int publicId = 4242;
        String installation = "cluster-till";
        simulator = PosSimulator.start(SimulatorSettings.defaults().withPort(0).withInstallations(List.of(
                InstallationSettings.push(installation, String.valueOf(publicId), token, signingSecret, "2.0.16"))));
        // slow enough that a run spans several batches on both nodes
        control("/control/faults", "{\"latencyMs\": 40}");

        String url = freshSchema();
        JdbcTemplate cluster = new JdbcTemplate(clusterDataSource(url));
        long connectionId = seedPushConnection(cluster, publicId, simulator.webhookUrl(installation), secretsKey,
                signingSecret);

        Node nodeA = startNode("node-a", url, secretsKey);
        Node nodeB = startNode("node-b", url, secretsKey);
        nodeA.awaitReady();
        nodeB.awaitReady();

        enqueue(cluster, connectionId, publicId);
        int total = RESERVATIONS * VERSIONS;

        Set<String> claimants = new HashSet<>();
        await("node-a to hold claims", Duration.ofSeconds(20), () -> {
            claimants.addAll(cluster.queryForList("select distinct claimed_by from outbox_message"
                    + " where claimed_by is not null", String.class));
            return cluster.queryForObject("select count(*) from outbox_message where claimed_by = 'node-a'"
                    + " and status = 'PENDING'", Long.class);
        }, held -> held > 0);
        long heldByVictim = cluster.queryForObject("select count(*) from outbox_message where claimed_by = 'node-a'"
                + " and status = 'PENDING'", Long.class);
        nodeA.process().destroyForcibly().waitFor();

        await("every message delivered by the surviving node", Duration.ofSeconds(60), () -> {
            claimants.addAll(cluster.queryForList("select distinct claimed_by from outbox_message"
                    + " where claimed_by is not null", String.class));
            return cluster.queryForObject("select count(*) from outbox_message where status = 'DELIVERED'",
                    Long.class);
        }, delivered -> delivered == total);

        assertThat(heldByVictim).as("claims of the killed node, taken over after their lease").isPositive();
        assertThat(claimants).as("both nodes took work").contains("node-a", "node-b");
        assertThat(cluster.queryForObject("select count(*) from outbox_message where claimed_by is not null"
                + " or status <> 'DELIVERED'", Long.class)).as("nothing claimed forever, nothing left").isZero();
        assertThat(cluster.queryForList("select acked_version from push_delivery_state where connection_id = ?",
                Long.class, connectionId)).hasSize(RESERVATIONS).containsOnly((long) VERSIONS - 1);

        JsonNode state = json.readTree(control("/control/state", null));
        JsonNode counters = state.path("counters");
        long processedOnce = counters.path("webhooksReceived").asLong() - counters.path("webhookDuplicates").asLong()
                - counters.path("signaturesRejected").asLong();
        assertThat(processedOnce).as("each message took effect at the POS exactly once").isEqualTo(total);
        assertThat(counters.path("staleVersionsIgnored").asLong()).as("never an older version after a newer")
                .isZero();
        List<JsonNode> filed = new ArrayList<>();
        state.path("reservations").forEach(filed::add);
        assertThat(filed).hasSize(RESERVATIONS)
                .allSatisfy(reservation -> assertThat(reservation.path("version").asLong()).isEqualTo(VERSIONS - 1));
    }

    @AfterEach
    void stopEverything() {
        nodes.forEach(node -> node.process().destroyForcibly());
        for (Node node : nodes) {
            try {
                node.process().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (simulator != null) {
            simulator.stop();
        }
        if (schema != null) {
            testJdbc.execute("drop database if exists " + schema);
        }
    }

    /** A new schema on the test server, migrated by Flyway as a node would, before the nodes start together. */
    private String freshSchema() {
        schema = "cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        testJdbc.execute("create database " + schema);
        String url = ((HikariDataSource) testDataSource).getJdbcUrl().replaceFirst("^(jdbc:mariadb://[^/]+/)[^?]*",
                "$1" + schema);
        Flyway.configure().dataSource(clusterDataSource(url)).locations("classpath:db/migration").load().migrate();
        return url;
    }

    private DataSource clusterDataSource(String url) {
        var hikari = (HikariDataSource) testDataSource;
        return new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(), url, hikari.getUsername(),
                hikari.getPassword());
    }

    private long seedPushConnection(JdbcTemplate cluster, int publicId, URI webhookUrl, String secretsKey,
            String signingSecret) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        cluster.update("insert into reseller (name, created_at) values ('Cluster reseller', ?)", now);
        long resellerId = cluster.queryForObject("select max(id) from reseller", Long.class);
        cluster.update("insert into restaurant (public_id, name, time_zone, locale, reseller_id, created_at)"
                + " values (?, 'Cluster bistro', 'Europe/Paris', 'fr', ?, ?)", publicId, resellerId, now);
        long restaurantId = cluster.queryForObject("select max(id) from restaurant", Long.class);
        cluster.update("insert into partner_connection (restaurant_id, partner_code, category, style, enabled,"
                        + " webhook_url, events, created_at, updated_at) values (?, 'caissepad', 'TILL_POS', 'PUSH',"
                        + " true, ?, '', ?, ?)", restaurantId, webhookUrl.toString(), now, now);
        long connectionId = cluster.queryForObject("select max(id) from partner_connection", Long.class);
        cluster.update("update partner_connection set signing_secret_ciphertext = ? where id = ?",
                SealedSecrets.withKey(secretsKey).signingSecret(signingSecret, connectionId), connectionId);
        return connectionId;
    }

    /** Every version of every reservation queued at once, as the writer queues a change. */
    private void enqueue(JdbcTemplate cluster, long connectionId, int publicId) {
        long restaurantId = cluster.queryForObject("select restaurant_id from partner_connection where id = ?",
                Long.class, connectionId);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>();
        for (int version = 0; version < VERSIONS; version++) {
            for (long reservation = 1; reservation <= RESERVATIONS; reservation++) {
                String body = json.writeValueAsString(json.createObjectNode()
                        .put("type", MessageType.UPSERTED.wireName())
                        .put("restaurantId", publicId)
                        .set("reservation", json.createObjectNode()
                                .put("id", WireIds.reservation(reservation))
                                .put("version", version)
                                .put("status", "CONFIRMED")
                                .put("start", "2026-11-23T20:30:00+01:00")
                                .put("partySize", 2 + version)
                                .put("updatedAt", "2026-11-23T10:00:00+01:00")));
                rows.add(new Object[] {restaurantId, connectionId, reservation, version,
                        MessageType.UPSERTED.wireName(), "msg_" + UUID.randomUUID(), body, now, now});
            }
        }
        cluster.batchUpdate("insert into outbox_message (restaurant_id, connection_id, reservation_id,"
                + " reservation_version, type, webhook_id, payload, status, attempts, next_attempt_at, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)", rows);
    }

    private Node startNode(String name, String url, String secretsKey) throws IOException {
        int port = freePort();
        var hikari = (HikariDataSource) testDataSource;
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", applicationClassPath(),
                PasserelleApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--passerelle.secrets.key=" + secretsKey,
                "--passerelle.partners.allow-insecure-loopback=true",
                "--passerelle.sync.node-name=" + name,
                "--passerelle.sync.claim-lease=" + CLAIM_LEASE.toSeconds() + "s",
                // a call starts only if it can end within its claim: the loopback till answers in moments
                "--passerelle.partners.connect-timeout=1s",
                "--passerelle.partners.read-timeout=2s",
                "--passerelle.sync.poll-interval=200ms",
                // no window fires during the test: the outbox is what is under test
                "--passerelle.sync.short-window-cron=0 0 4 1 1 ? 2099",
                "--passerelle.sync.long-window-cron=0 0 5 1 1 ? 2099",
                "--logging.level.root=WARN",
                "--logging.level.io.passerelle=INFO",
                "--logging.level.org.springframework.boot.StartupInfoLogger=INFO");
        File log = Path.of("target", "cluster-" + name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
        var node = new Node(name, port, process);
        nodes.add(node);
        return node;
    }

    /** One application process. */
    private record Node(String name, int port, Process process) {

        /** Up when its health endpoint says so (its relay and scheduler start before the web server answers). */
        void awaitReady() {
            var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            await(name + " to start", Duration.ofSeconds(240), () -> {
                if (!process.isAlive()) {
                    return false;
                }
                try {
                    return http.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("UP");
                } catch (IOException notYet) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }, up -> up || !process.isAlive());
            assertThat(process.isAlive()).as(name + " is running (see target/cluster-" + name + ".log)").isTrue();
        }
    }

    /** The test's classes and their dependencies, without the test classes: the application as deployed. */
    private static String applicationClassPath() throws IOException {
        List<String> entries = new ArrayList<>(Arrays.asList(System.getProperty("java.class.path")
                .split(File.pathSeparator)));
        if (entries.size() == 1 && entries.getFirst().contains("surefirebooter")) {
            try (var jar = new JarFile(entries.getFirst())) {
                entries = Arrays.stream(jar.getManifest().getMainAttributes().getValue("Class-Path").split(" "))
                        .map(entry -> Path.of(URI.create(entry)).toString())
                        .collect(Collectors.toCollection(ArrayList::new));
            }
        }
        return entries.stream().filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private String control(String path, String body) {
        var request = HttpRequest.newBuilder(simulator.baseUrl().resolve(path))
                .method(body == null ? "GET" : "POST", body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + " answered " + response.body()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
