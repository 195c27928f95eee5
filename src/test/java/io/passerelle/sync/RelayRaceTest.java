package io.passerelle.sync;

import static io.passerelle.sync.SimulatedPos.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.partner.PartnerSettings;
import io.passerelle.reservation.OverrideMissed;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.security.AppRole;
import io.passerelle.security.UserAccount;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's races (docs/sync-engine.md, "Races"), each forced on a second relay node ({@link RelayNode}: its own
 * batches and threads, a clock the test moves) against the POS simulator and MariaDB. Where a race needs two things
 * to overlap, the test waits until the first is under way (a call at the till, a claim in the outbox, the relay
 * waiting on a row someone holds) and only then starts the second.
 */
class RelayRaceTest extends SimulatedPosTest {

    /** A claim's limit above anything due: messages other tests left in the outbox may be due too. */
    private static final int EVERYTHING_DUE = 10_000;

    @Autowired
    ApplicationContext context;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    PartnerSettings partnerSettings;

    // --- 1. claim budget

    @Test
    void aCallThatCouldOutliveItsClaimIsNotStartedAndItsMessageGoesOnceWithTheNextClaim() throws Exception {
        try (var pos = startPos(); var node = new RelayNode(context, 10, 1)) {
            Reservation first = bookFor(node, pos, 2);
            Reservation second = bookFor(node, pos, 3);
            pos.faults("{\"latencyMs\": 1000}");
            Instant claimedAt = node.clock.instant();
            Instant claimEnds = claimedAt.plus(node.settings.claimLease());

            Future<?> run = node.runDueInBackground();
            await("the first call at the till", FEW_SECONDS, () -> pos.counter("callsReceived"), calls -> calls == 1);
            // while the till takes its time, the claim runs down to less than a call may take
            node.clock.set(claimEnds.minus(node.callBudget).plusMillis(1));
            run.get(30, TimeUnit.SECONDS);

            assertThat(pos.reservation(first.getId())).isPresent();
            assertThat(pos.reservation(second.getId())).as("its call could have outlived the claim").isEmpty();
            assertThat(pos.counter("callsReceived")).isEqualTo(1);
            assertThat(message(second)).containsEntry("status", "PENDING").containsEntry("attempts", 0)
                    .containsEntry("claimed_by", node.name)
                    .as("next due when its claim ends: later claims scan past it")
                    .containsEntry("next_attempt_at", utc(claimEnds));
            pos.faults("{\"latencyMs\": 0}");
            node.runDue();
            assertThat(pos.counter("callsReceived")).as("still claimed: not taken again").isEqualTo(1);

            node.clock.set(claimEnds.plusMillis(1));
            node.runDue();

            assertThat(pos.reservation(second.getId())).isPresent();
            assertThat(message(second)).containsEntry("status", "DELIVERED").containsEntry("attempts", 1);
            assertThat(pos.counter("callsReceived")).isEqualTo(2);
            assertThat(pos.counter("webhookDuplicates")).isZero();
            assertThat(logOutcomes(second)).containsExactly("SUCCESS");
        }
    }

    /**
     * A node dies holding claims, and newer versions of those reservations are queued meanwhile: they are due first
     * (the dead claims are due when their lease ends) and would fill a batch, yet must not keep the claims of the
     * versions they wait for from being taken over.
     */
    @Test
    void theClaimsOfANodeThatDiedAreTakenOverThoughNewerVersionsOfTheirReservationsAreDueFirst() {
        try (var pos = startPos(); var survivor = new RelayNode(context, 2, 1)) {
            List<Reservation> changed = newerVersionsQueuedBehindADeadClaim(survivor, pos, 2);

            survivor.runDue();
            assertThat(pos.counter("webhooksReceived")).as("the dead node's claims, taken over").isEqualTo(2);
            // the newer versions wait until the older ones' outcomes are recorded: the next run sends them
            survivor.runDue();

            for (Reservation reservation : changed) {
                assertThat(pos.reservation(reservation.getId())).as("at the till").hasValueSatisfying(filed ->
                        assertThat(filed.path("version").asLong()).isEqualTo(reservation.getVersion()));
            }
            assertThat(jdbc.queryForObject("select count(*) from outbox_message where connection_id = ?"
                    + " and status = 'PENDING'", Long.class, pos.connectionId())).as("nothing left waiting").isZero();
            assertThat(pos.counter("staleVersionsIgnored")).as("never an older version after a newer").isZero();
        }
    }

    /**
     * Whether a newer version may be claimed is asked by a plain read inside the claim's locking statement: an older
     * version that another claim holds locked (not yet committed) must count as pending, not be skipped like the
     * rows that claim holds.
     */
    @Test
    void aNewerVersionIsNotClaimedWhileAnUncommittedClaimHoldsTheOlderOne() throws Exception {
        try (var pos = startPos(); var node = new RelayNode(context, 2, 1)) {
            Reservation changed = newerVersionsQueuedBehindADeadClaim(node, pos, 1).getFirst();
            var store = context.getBean(OutboxStore.class);
            var transactions = new TransactionTemplate(transactionManager);
            Instant now = node.clock.instant();
            Instant leaseEnds = now.plus(node.settings.claimLease());
            var holding = new CountDownLatch(1);
            var commit = new CountDownLatch(1);

            Future<List<OutboxMessage>> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
                List<OutboxMessage> claimed = store.claimDue("first-claim", now, leaseEnds, EVERYTHING_DUE);
                holding.countDown();
                awaitQuietly(commit);
                return claimed;
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).as("the first claim holds its rows").isTrue();
            List<OutboxMessage> second = transactions.execute(status -> store.claimDue("second-claim", now, leaseEnds,
                    EVERYTHING_DUE));
            commit.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).filteredOn(ofReservation(changed))
                    .extracting(OutboxMessage::reservationVersion).containsExactly(changed.getVersion() - 1);
            assertThat(second).filteredOn(ofReservation(changed)).as("the newer version waits for the older one")
                    .isEmpty();
        }
    }

    /**
     * Reservations booked, their messages claimed by a node that then dies, and a newer version of each queued:
     * returned as changed, with the node's clock just past the dead claims' lease.
     */
    private List<Reservation> newerVersionsQueuedBehindADeadClaim(RelayNode node, SimulatedPos pos, int count) {
        List<Reservation> booked = IntStream.range(0, count).mapToObj(i -> bookFor(node, pos, 2 + i)).toList();
        Instant leaseEnds = node.clock.instant().plus(node.settings.claimLease());
        List<OutboxMessage> claimedByTheDead = new TransactionTemplate(transactionManager).execute(status -> context
                .getBean(OutboxStore.class).claimDue("a-node-that-dies", node.clock.instant(), leaseEnds,
                        EVERYTHING_DUE));
        assertThat(claimedByTheDead).extracting(OutboxMessage::reservationId)
                .containsAll(booked.stream().map(Reservation::getId).toList());
        List<Reservation> changed = booked.stream().map(reservation -> node.queue(pos.connectionId(),
                () -> pos.changePartySize(reservations, reservation, 6))).toList();
        node.clock.set(leaseEnds.plusMillis(1));
        return changed;
    }

    private static Predicate<OutboxMessage> ofReservation(Reservation reservation) {
        return message -> reservation.getId().equals(message.reservationId());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void closingTheRelayGivesBackTheClaimsOfTheMessagesItHasNotCalledYet() throws Exception {
        try (var pos = startPos()) {
            var node = new RelayNode(context, 10, 1);
            List<Reservation> waiting;
            try {
                bookFor(node, pos, 2);
                waiting = List.of(bookFor(node, pos, 3), bookFor(node, pos, 4));
                pos.faults("{\"latencyMs\": 1000}");
                node.runDueInBackground();
                await("the first call at the till", FEW_SECONDS, () -> pos.counter("callsReceived"), calls -> calls == 1);
                assertThat(message(waiting.getLast())).containsEntry("claimed_by", node.name);
            } finally {
                node.close();
            }

            for (Reservation notCalled : waiting) {
                assertThat(message(notCalled)).as("claimable again at once").containsEntry("status", "PENDING")
                        .containsEntry("claimed_by", null).containsEntry("claimed_until", null)
                        .containsEntry("attempts", 0).containsEntry("next_attempt_at", utc(node.clock.instant()));
            }
        }
    }

    @Test
    void startUpRefusesAClaimLeaseNoLongerThanACallMayTake() {
        var timeouts = new PartnerSettings(Duration.ofSeconds(3), Duration.ofSeconds(10), false, false);
        SyncSettings app = context.getBean(SyncSettings.class);

        assertThatThrownBy(() -> SyncConfiguration.callBudget(RelayNode.settings(app, Duration.ofSeconds(13)),
                timeouts)).isInstanceOf(IllegalStateException.class).hasMessageContaining("claim-lease");
        assertThat(SyncConfiguration.callBudget(RelayNode.settings(app, Duration.ofSeconds(14)), timeouts))
                .isEqualTo(Duration.ofSeconds(13));
    }

    // --- 2. 410 Gone

    @Test
    void afterA410NothingMoreOfThatBatchOrTheNextIsSentToThatPos() throws Exception {
        try (var gone = startPos(); var other = startPos(); var node = new RelayNode(context, 2, 1);
                var rival = new RivalTransaction(transactionManager)) {
            // batch 1: two for the till that is gone; batch 2: a slow one for another till, then one more for it
            Reservation first = bookFor(node, gone, 2);
            Reservation restOfBatch = bookFor(node, gone, 3);
            Reservation slow = bookFor(node, other, 4);
            Reservation nextBatch = bookFor(node, gone, 5);
            gone.faults("{\"errorRate\": 1.0, \"errorStatus\": 410}");
            other.faults("{\"latencyMs\": 1000}");
            // someone holds the connection's row: the first batch cannot disable it before the next is claimed
            rival.run(() -> jdbc.queryForList("select id from partner_connection where id = ? for update",
                    gone.connectionId()));

            Future<?> run = node.runDueInBackground();
            await("the next batch claimed", FEW_SECONDS, () -> message(nextBatch).get("claimed_by"), node.name::equals);
            rival.commit();
            run.get(30, TimeUnit.SECONDS);

            assertThat(gone.counter("callsReceived")).as("calls to the till that answered 410").isEqualTo(1);
            assertThat(message(first)).containsEntry("status", "FAILED").containsEntry("last_error_code", "GONE");
            for (Reservation notSent : List.of(restOfBatch, nextBatch)) {
                assertThat(message(notSent)).containsEntry("status", "SUPERSEDED").containsEntry("attempts", 0)
                        .containsEntry("last_error_code", FailureWords.CONNECTION_DISABLED);
            }
            assertThat(other.reservation(slow.getId())).isPresent();
            assertThat(gone.asOwner(() -> connections.get(gone.restaurantId(), gone.connectionId())).isEnabled())
                    .isFalse();
        }
    }

    /**
     * Batches are claimed ahead of their calls: two batches claimed before the connection was disabled are still to
     * be called once it is, and the later one must not call that POS either, though the one before it has been called
     * since the disabling.
     */
    @Test
    void afterA410NoBatchClaimedBeforeTheConnectionWasDisabledCallsThatPos() throws Exception {
        try (var gone = startPos(); var other = startPos(); var node = new RelayNode(context, 2, 1);
                var rival = new RivalTransaction(transactionManager)) {
            // batch 1: two for the till that is gone; batches 2 and 3: slow ones for another till, then one more for it
            bookFor(node, gone, 2);
            Reservation restOfBatch = bookFor(node, gone, 3);
            List<Reservation> slow = List.of(bookFor(node, other, 4), bookFor(node, other, 5), bookFor(node, other, 6));
            Reservation twoBatchesLater = bookFor(node, gone, 7);
            gone.faults("{\"errorRate\": 1.0, \"errorStatus\": 410}");
            other.faults("{\"latencyMs\": 1000}");
            rival.run(() -> jdbc.queryForList("select id from partner_connection where id = ? for update",
                    gone.connectionId()));

            Future<?> run = node.runDueInBackground();
            await("the third batch claimed", FEW_SECONDS, () -> message(twoBatchesLater).get("claimed_by"),
                    node.name::equals);
            rival.commit();
            run.get(30, TimeUnit.SECONDS);

            assertThat(gone.counter("callsReceived")).as("calls to the till that answered 410").isEqualTo(1);
            for (Reservation notSent : List.of(restOfBatch, twoBatchesLater)) {
                assertThat(message(notSent)).containsEntry("status", "SUPERSEDED").containsEntry("attempts", 0)
                        .containsEntry("last_error_code", FailureWords.CONNECTION_DISABLED);
            }
            slow.forEach(reservation -> assertThat(other.reservation(reservation.getId())).isPresent());
            assertThat(jdbc.queryForObject("select count(*) from connection_audit where connection_id = ?"
                    + " and action = 'DISABLED'", Long.class, gone.connectionId())).as("disabled once").isEqualTo(1);
        }
    }

    @Test
    void aLockConflictWhileAnnouncingDoesNotRecordTheBatchAgain() throws Exception {
        try (var gone = startPos(); var other = startPos(); var node = new RelayNode(context, 10, 1);
                var rival = new RivalTransaction(transactionManager)) {
            Reservation refused = bookFor(node, gone, 2);
            Reservation delivered = bookFor(node, other, 3);

            disablingLosesADeadlock(node, gone, rival);

            assertThat(logOutcomes(refused)).containsExactly("FAILED");
            assertThat(logOutcomes(delivered)).containsExactly("SUCCESS");
            assertThat(message(refused)).containsEntry("status", "FAILED").containsEntry("attempts", 1);
            assertThat(message(delivered)).containsEntry("status", "DELIVERED").containsEntry("attempts", 1);
        }
    }

    // --- 3. announce once

    @Test
    void aBatchIsAnnouncedOnceEvenWhenWhatFollowsItsRecordingMeetsALockConflict() throws Exception {
        try (var gone = startPos(); var other = startPos(); var node = new RelayNode(context, 10, 1);
                var rival = new RivalTransaction(transactionManager)) {
            bookFor(node, gone, 2);
            bookFor(node, other, 3);

            disablingLosesADeadlock(node, gone, rival);

            // each attempt announced once; the node may also have claimed what other test classes left due in the
            // shared database, so only this test's tills count
            assertThat(node.announced().stream().flatMap(announced -> announced.attempts().stream())
                    .map(DeliveryAttempted::connectionId)
                    .filter(connectionId -> connectionId == gone.connectionId() || connectionId == other.connectionId()))
                    .containsExactlyInAnyOrder(gone.connectionId(), other.connectionId());
            // connection health heard of each attempt once
            assertThat(hourlyFigures(other)).containsEntry("deliveries", 1L).containsEntry("failures", 0L);
            assertThat(hourlyFigures(gone)).containsEntry("deliveries", 0L).containsEntry("failures", 1L);
        }
    }

    /**
     * Runs the node over its batch, in which the till {@code gone} answers 410. Someone heavier holds that connection's
     * row in share mode, so the relay's disabling, after the batch is committed, waits on it; then that someone asks
     * to write the row too: InnoDB breaks the deadlock by rolling back the lighter transaction, the relay's.
     */
    private void disablingLosesADeadlock(RelayNode node, SimulatedPos gone, RivalTransaction rival) throws Exception {
        gone.faults("{\"errorRate\": 1.0, \"errorStatus\": 410}");
        rival.run(() -> {
            for (int i = 0; i < 20; i++) {
                jdbc.update("insert into connection_audit (connection_id, restaurant_id, actor, occurred_at, action)"
                        + " values (?, ?, 'rival', utc_timestamp(6), 'UPDATED')", gone.connectionId(),
                        gone.restaurantId());
            }
            jdbc.queryForList("select id from partner_connection where id = ? lock in share mode", gone.connectionId());
        });
        Future<?> run = node.runDueInBackground();
        await("the relay to be disabling the connection", FEW_SECONDS, RelayRaceTest::disablingAConnection,
                disabling -> disabling);

        rival.run(() -> jdbc.update("update partner_connection set updated_at = updated_at where id = ?",
                gone.connectionId()));
        rival.rollback();
        run.get(30, TimeUnit.SECONDS);
    }

    /** Whether a relay's recorder is writing through ConnectionService (disabling a connection that is gone). */
    private static boolean disablingAConnection() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().startsWith("sync-record"))
                .map(thread -> List.of(thread.getValue()))
                .anyMatch(frames -> frames.stream().anyMatch(frame -> RelayNode.WRITES.contains(frame.getMethodName()))
                        && frames.stream().anyMatch(frame -> frame.getClassName()
                                .startsWith("io.passerelle.connection.ConnectionService")));
    }

    // --- 4. missed is final

    @Test
    void aSecondMissedMessageQueuedWhileTheFirstIsInFlightLeavesItFinal() throws Exception {
        try (var pos = startPos(); var node = new RelayNode(context, 10, 1)) {
            Reservation booked = bookFor(node, pos, 2);
            node.runDue();
            Reservation cancelled = node.queue(pos.connectionId(), () -> cancel(pos, booked));
            pos.faults("{\"latencyMs\": 1000}");

            Future<?> run = node.runDueInBackground();
            await("the missed message at the till", FEW_SECONDS, () -> pos.counter("callsReceived"), calls -> calls == 2);
            // edited while still cancelled, before the till answered: a second missed message waits behind the first
            Reservation edited = node.queue(pos.connectionId(), () -> pos.changePartySize(reservations, cancelled, 5));
            assertThat(message(edited)).as("queued while the first was in flight")
                    .containsEntry("type", "reservation.missed").containsEntry("status", "PENDING")
                    .containsEntry("reservation_version", edited.getVersion());
            run.get(30, TimeUnit.SECONDS);

            assertThat(missedDelivered(pos, booked)).as("missed is final once delivered").isTrue();
            pos.faults("{\"latencyMs\": 0}");
            node.runDue();
            assertThat(message(edited)).containsEntry("status", "SUPERSEDED");
            assertThat(pos.counter("webhooksReceived")).as("the booking and one missed message").isEqualTo(2);
            assertThat(pos.reservation(booked.getId()).orElseThrow().path("partySize").asInt()).isEqualTo(2);
        }
    }

    /**
     * Staff un-park the reservation while its missed message is at the till, and their transaction commits only while
     * the relay records the delivery: the relay must decide the mark after that commit, not from what it read before.
     */
    @Test
    void anUnparkCommittedWhileTheBatchIsBeingRecordedIsNotOverridden() throws Exception {
        try (var pos = startPos(); var node = new RelayNode(context, 10, 1);
                var unpark = new RivalTransaction(transactionManager)) {
            Reservation booked = bookFor(node, pos, 2);
            UserAccount staff = fixtures.staff(AppRole.ONBOARDING);
            Future<?> run = missedMessageAtASlowTill(pos, node, booked);
            Reservation restored = unpark.call(() -> fixtures.runAs(staff,
                    () -> reservations.overrideMissed(new OverrideMissed(pos.restaurantId(), booked.getId(),
                            ReservationStatus.CONFIRMED, "Cancelled by mistake"))));
            await("the batch's recording to wait on the un-park", FEW_SECONDS,
                    steadily(RelayNode::recorderWaitingOnTheDatabase), waiting -> waiting);
            unpark.commit();
            run.get(30, TimeUnit.SECONDS);

            assertThat(jdbc.queryForObject("select count(*) from outbox_message where reservation_id = ?"
                    + " and type = 'reservation.missed' and status = 'DELIVERED'", Long.class, booked.getId()))
                    .isEqualTo(1);
            assertReopenedAndSentAgain(pos, node, restored);
        }
    }

    /**
     * The other order: the relay has written the final mark (its commit held up by a delivery state row someone holds)
     * when staff un-park the reservation; the un-park, committing after the relay, must still leave it reopened.
     */
    @Test
    void anUnparkStartedBeforeTheBatchCommitsIsNotOverriddenEither() throws Exception {
        try (var pos = startPos(); var node = new RelayNode(context, 10, 1);
                var rival = new RivalTransaction(transactionManager)) {
            Reservation booked = bookFor(node, pos, 2);
            Future<?> run = missedMessageAtASlowTill(pos, node, booked);
            rival.run(() -> jdbc.queryForList("select acked_version from push_delivery_state where connection_id = ?"
                    + " and reservation_id = ? for update", pos.connectionId(), booked.getId()));
            await("the batch's recording to wait", FEW_SECONDS, steadily(RelayNode::recorderWaitingOnTheDatabase),
                    waiting -> waiting);
            CompletableFuture<Reservation> unpark = unparkMeanwhile(pos, booked);
            rival.commit();
            run.get(30, TimeUnit.SECONDS);
            Reservation restored = unpark.get(30, TimeUnit.SECONDS);

            assertReopenedAndSentAgain(pos, node, restored);
        }
    }

    /**
     * The booking's missed message (it was cancelled after its first version was delivered) being called at a till
     * that answers after a second, on the node's background run, which this returns.
     */
    private Future<?> missedMessageAtASlowTill(SimulatedPos pos, RelayNode node, Reservation booked) {
        node.runDue();
        node.queue(pos.connectionId(), () -> cancel(pos, booked));
        pos.faults("{\"latencyMs\": 1000}");
        Future<?> run = node.runDueInBackground();
        await("the missed message at the till", FEW_SECONDS, () -> pos.counter("callsReceived"), calls -> calls == 2);
        return run;
    }

    /** The un-park won: the reservation is not final, and its restored version reaches the till. */
    private void assertReopenedAndSentAgain(SimulatedPos pos, RelayNode node, Reservation restored) {
        assertThat(missedDelivered(pos, restored)).as("the un-park reopened the reservation").isFalse();
        pos.faults("{\"latencyMs\": 0}");
        node.runDue();
        await("the restored reservation at the till", FEW_SECONDS,
                () -> pos.reservation(restored.getId()).orElseThrow(),
                filed -> filed.path("version").asLong() == restored.getVersion());
    }

    /**
     * Staff un-park the reservation while the node's recording waits on the rival: on another thread, which this
     * returns once the un-park is done or itself waits on the database (on the relay's locks).
     */
    private CompletableFuture<Reservation> unparkMeanwhile(SimulatedPos pos, Reservation reservation) {
        var staff = fixtures.authenticate(fixtures.staff(AppRole.ONBOARDING));
        CompletableFuture<Reservation> unpark = CompletableFuture.supplyAsync(() -> {
            fixtures.useAuthentication(staff);
            return reservations.overrideMissed(new OverrideMissed(pos.restaurantId(), reservation.getId(),
                    ReservationStatus.CONFIRMED, "Cancelled by mistake"));
        });
        Supplier<Boolean> waiting = steadily(() -> waitingOnWrite("overrideMissed"));
        await("the un-park to be done or to wait on the relay", FEW_SECONDS, () -> unpark.isDone() || waiting.get(),
                doneOrWaiting -> doneOrWaiting);
        return unpark;
    }

    /**
     * True once the condition held at three polls in a row (100 ms at least): a thread that waits on a lock, not one
     * caught in the moment of a quick statement.
     */
    private static Supplier<Boolean> steadily(BooleanSupplier condition) {
        var inARow = new AtomicInteger();
        return () -> (condition.getAsBoolean() ? inARow.incrementAndGet() : inARow.getAndSet(0) * 0) >= 3;
    }

    /** Whether a thread is inside this method of a service and waiting for the database to answer a write. */
    private static boolean waitingOnWrite(String serviceMethod) {
        return Thread.getAllStackTraces().values().stream()
                .map(List::of)
                .anyMatch(frames -> frames.stream().anyMatch(frame -> RelayNode.WRITES.contains(frame.getMethodName()))
                        && frames.stream().anyMatch(frame -> frame.getMethodName().equals(serviceMethod)));
    }

    /** A booking at this till, queued for the node. */
    private Reservation bookFor(RelayNode node, SimulatedPos pos, int partySize) {
        return node.queue(pos.connectionId(), () -> pos.book(reservations, guests, partySize, null));
    }

    private Reservation cancel(SimulatedPos pos, Reservation reservation) {
        return pos.asOwner(() -> reservations.changeStatus(pos.restaurantId(), reservation.getId(),
                ReservationStatus.CANCELLED));
    }

    /** As the outbox stores instants (UTC, to the microsecond), and JDBC reads them back. */
    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    private Map<String, Object> message(Reservation reservation) {
        return jdbc.queryForMap("select * from outbox_message where reservation_id = ? order by id desc limit 1",
                reservation.getId());
    }

    private List<String> logOutcomes(Reservation reservation) {
        return jdbc.queryForList("select outcome from sync_log_entry where reservation_id = ? order by id",
                String.class, reservation.getId());
    }

    private Map<String, Object> hourlyFigures(SimulatedPos pos) {
        return jdbc.queryForMap("select cast(coalesce(sum(deliveries), 0) as signed) deliveries,"
                + " cast(coalesce(sum(failures), 0) as signed) failures"
                + " from connection_health_hour where connection_id = ?", pos.connectionId());
    }

    private boolean missedDelivered(SimulatedPos pos, Reservation reservation) {
        return jdbc.queryForObject("select count(*) from push_delivery_state where connection_id = ?"
                + " and reservation_id = ? and missed_delivered_at is not null", Long.class, pos.connectionId(),
                reservation.getId()) == 1;
    }
}
