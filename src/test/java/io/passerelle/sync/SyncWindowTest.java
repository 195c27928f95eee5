package io.passerelle.sync;

import static io.passerelle.sync.SimulatedPos.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.reservation.CreateReservation;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationDetails;
import io.passerelle.reservation.ReservationStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;

/** The windows against MariaDB and the simulator; exact date arithmetic is in {@link WindowCalculatorTest}. */
class SyncWindowTest extends SimulatedPosTest {

    @Autowired
    SyncService sync;

    @Autowired
    Scheduler scheduler;

    @Test
    void aWindowSendsWhatThePosHasNotAcknowledgedWithinItsDaysOnly() {
        try (var pos = startPos()) {
            setEnabled(pos, false);
            LocalDate today = LocalDate.now(SimulatedPos.ROME);
            book(pos, today.minusDays(2), LocalTime.of(23, 30));               // before both windows
            book(pos, today.minusDays(1), LocalTime.MIDNIGHT);                 // first minute of both
            book(pos, today.plusDays(7), LocalTime.of(23, 59));                // last minute of the short one
            Reservation cancelled = book(pos, today.plusDays(1), LocalTime.of(20, 0));
            pos.asOwner(() -> reservations.changeStatus(pos.restaurantId(), cancelled.getId(), ReservationStatus.CANCELLED));
            book(pos, today.plusDays(8), LocalTime.MIDNIGHT);                  // long window only
            book(pos, today.plusMonths(2), LocalTime.of(22, 0));               // last day of the long one
            book(pos, today.plusMonths(2).plusDays(1), LocalTime.of(12, 0));   // after both
            setEnabled(pos, true);
            assertThat(outboxSize(pos)).as("nothing queued while disabled").isZero();

            RunSummary first = sync.reconcile(pos.connectionId(), SyncWindow.SHORT, "test").orElseThrow();

            assertThat(first).extracting(RunSummary::total, RunSummary::sent, RunSummary::missed, RunSummary::unchanged)
                    .containsExactly(3, 2, 1, 0);
            await("the three at the till", FEW_SECONDS, () -> pos.state().path("reservations").size(), size -> size == 3);

            await("a quiet second run", FEW_SECONDS,
                    () -> sync.reconcile(pos.connectionId(), SyncWindow.SHORT, "test").orElseThrow(),
                    run -> run.unchanged() == 3);
            RunSummary longRun = sync.reconcile(pos.connectionId(), SyncWindow.LONG, "test").orElseThrow();
            assertThat(longRun).extracting(RunSummary::total, RunSummary::sent, RunSummary::unchanged)
                    .containsExactly(5, 2, 3);
            Map<String, Object> runLine = jdbc.queryForMap("select * from sync_log_entry where restaurant_id = ?"
                    + " and kind = 'RUN' order by id limit 1", pos.restaurantId());
            assertThat(runLine).containsEntry("message_type", "test").containsEntry("run_sent", 2)
                    .containsEntry("run_missed", 1).containsEntry("connection_id", pos.connectionId());
        }
    }

    @Test
    void aConnectionHeldByAnotherNodeIsSkippedUntilItsLeaseExpires() {
        try (var pos = startPos()) {
            jdbc.update("insert into sync_lease (connection_id, holder, held_until) values (?, 'other-node', ?)",
                    pos.connectionId(), LocalDateTime.now(ZoneOffset.UTC).plusMinutes(5));

            assertThat(sync.reconcile(pos.connectionId(), SyncWindow.SHORT, "test")).isEmpty();

            // the other node died: its lease ran out
            jdbc.update("update sync_lease set held_until = ? where connection_id = ?",
                    LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1), pos.connectionId());
            assertThat(sync.reconcile(pos.connectionId(), SyncWindow.SHORT, "test")).isPresent();
        }
    }

    @Test
    void theScheduledWindowsAreTwoCronTriggersThatSkipMisfires() throws SchedulerException {
        for (SyncWindow window : SyncWindow.values()) {
            var trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey(window.trigger(), "sync"));
            assertThat(trigger).as(window.name()).isNotNull();
            assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
        }
    }

    @Test
    void theShortWindowJobReconcilesEveryPushConnection() throws SchedulerException {
        try (var pos = startPos()) {
            setEnabled(pos, false);
            book(pos, LocalDate.now(SimulatedPos.ROME).plusDays(2), LocalTime.of(19, 0));
            setEnabled(pos, true);

            scheduler.triggerJob(JobKey.jobKey(SyncWindow.SHORT.trigger(), "sync"));

            await("the job's run line", Duration.ofSeconds(30), () -> jdbc.queryForList(
                    "select run_sent from sync_log_entry where restaurant_id = ? and kind = 'RUN'"
                            + " and message_type = 'window.short'", Integer.class, pos.restaurantId()),
                    lines -> lines.contains(1));
            await("the reservation at the till", FEW_SECONDS, () -> pos.state().path("reservations").size(),
                    size -> size == 1);
        }
    }

    @Test
    void aWindowPassesOverAnUpToDatePosWithoutARunLineAndCountsItInSync() {
        try (var pos = startPos()) {
            book(pos, LocalDate.now(SimulatedPos.ROME).plusDays(2), LocalTime.of(19, 0));
            await("the change acknowledged", FEW_SECONDS, () -> jdbc.queryForObject(
                    "select count(*) from push_delivery_state where connection_id = ?", Long.class,
                    pos.connectionId()), acknowledged -> acknowledged == 1);
            jdbc.update("update connection_health set last_success_at = null where connection_id = ?",
                    pos.connectionId());

            sync.runWindow(SyncWindow.SHORT);

            assertThat(jdbc.queryForObject("select count(*) from sync_log_entry where restaurant_id = ?"
                    + " and kind = 'RUN'", Long.class, pos.restaurantId())).as("no run line for a quiet POS").isZero();
            assertThat(outboxSize(pos)).as("nothing queued again").isEqualTo(1);
            assertThat(jdbc.queryForObject("select last_success_at from connection_health where connection_id = ?",
                    LocalDateTime.class, pos.connectionId())).as("in sync as of the window").isNotNull();
        }
    }

    private Reservation book(SimulatedPos pos, LocalDate day, LocalTime time) {
        return pos.asOwner(() -> reservations.create(new CreateReservation(pos.restaurantId(),
                new ReservationDetails(day.atTime(time).atZone(SimulatedPos.ROME).toInstant(), 2, null, null, null))));
    }

    private void setEnabled(SimulatedPos pos, boolean enabled) {
        pos.asOwner(() -> connections.setEnabled(pos.restaurantId(), pos.connectionId(), enabled));
    }

    private long outboxSize(SimulatedPos pos) {
        return jdbc.queryForObject("select count(*) from outbox_message where connection_id = ?", Long.class,
                pos.connectionId());
    }
}
