package io.passerelle.health;

import static io.passerelle.sync.SimulatedPos.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.reservation.GuestService;
import io.passerelle.reservation.ReservationService;
import io.passerelle.restaurant.RestaurantAccess;
import io.passerelle.security.AppRole;
import io.passerelle.shared.NotFoundException;
import io.passerelle.sync.SimulatedPos;
import io.passerelle.sync.SyncService;
import io.passerelle.sync.SyncWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@PasserelleTest
@Import({TestFixtures.class, HealthFixtures.class})
class ConnectionHealthTest {

    static final Duration FEW_SECONDS = Duration.ofSeconds(20);

    @Autowired TestFixtures fixtures;
    @Autowired HealthFixtures history;
    @Autowired ConnectionService connections;
    @Autowired ReservationService reservations;
    @Autowired GuestService guests;
    @Autowired ConnectionHealthService health;
    @Autowired HealthStore store;
    @Autowired RestaurantAccess access;
    @Autowired SyncService sync;
    @Autowired HealthSettings settings;

    @Test
    void deliveriesToAWorkingPosMakeAHealthyConnectionWithFigures() {
        try (var pos = SimulatedPos.start(fixtures, connections)) {
            pos.book(reservations, guests, 2, null);
            pos.book(reservations, guests, 4, null);

            ConnectionHealthRow row = await("two deliveries", FEW_SECONDS, () -> rowOf(pos),
                    r -> r.deliveries24h() >= 2);
            assertThat(row.state()).isEqualTo(HealthState.HEALTHY);
            assertThat(row.failures24h()).isZero();
            assertThat(row.lastSuccessfulSync()).isNotNull();
            assertThat(row.averageDelay()).isNotNull();
            assertThat(row.lastSevenDays()).hasSize(7);
            assertThat(row.lastSevenDays().getLast().deliveries()).isGreaterThanOrEqualTo(2);
            assertThat(pos.asOwner(() -> health.lastSuccessfulSync(pos.restaurantId()))).isPresent();
        }
    }

    @Test
    void aPosThatKeepsFailingIsDegradedByTheBreakerThenFailing() {
        try (var pos = SimulatedPos.start(fixtures, connections)) {
            pos.faults("{\"errorRate\": 1.0, \"errorStatus\": 500}");
            for (int i = 0; i < 3; i++) {
                pos.book(reservations, guests, 2 + i, null);
            }
            await("the circuit breaker to rest the POS", Duration.ofSeconds(30),
                    () -> sync.restingConnections(List.of(pos.connectionId())), resting -> !resting.isEmpty());
            ConnectionHealthRow degraded = rowOf(pos);
            assertThat(degraded.failures24h()).isGreaterThanOrEqualTo(3);
            assertThat(degraded.state()).isEqualTo(HealthState.DEGRADED);
            assertThat(degraded.failingSince()).isNotNull();
            assertThat(degraded.lastSuccessfulSync()).isNull();

            var later = new ConnectionHealthService(store, access, sync, settings,
                    Clock.offset(Clock.systemUTC(), settings.degradedFor().plusMinutes(1)));
            assertThat(pos.asOwner(() -> later.get(pos.restaurantId(), pos.connectionId())).state())
                    .isEqualTo(HealthState.FAILING);

            pos.faults("{\"errorRate\": 0.0}");
            pos.book(reservations, guests, 6, null);
            ConnectionHealthRow recovered = await("a delivery after the breaker rests", Duration.ofSeconds(30),
                    () -> rowOf(pos), r -> r.lastSuccessfulSync() != null && r.state() == HealthState.HEALTHY);
            assertThat(recovered.failingSince()).isNull();
        }
    }

    @Test
    void aRestingBreakerAloneDegradesAndOnlyALongEpisodeFails() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        var record = new HealthStore.HealthRecord(1, 1, "Trattoria", java.time.ZoneOffset.UTC, "caissepad", false, true,
                null, now.minusSeconds(60), null);
        assertThat(health.state(record, false, now)).isEqualTo(HealthState.HEALTHY);
        assertThat(health.state(record, true, now)).isEqualTo(HealthState.DEGRADED);
        var young = new HealthStore.HealthRecord(1, 1, "Trattoria", java.time.ZoneOffset.UTC, "caissepad", false, true,
                null, null, now.minus(settings.degradedFor()).plusSeconds(1));
        assertThat(health.state(young, false, now)).isEqualTo(HealthState.DEGRADED);
        var old = new HealthStore.HealthRecord(1, 1, "Trattoria", java.time.ZoneOffset.UTC, "caissepad", false, false,
                null, null, now.minus(settings.degradedFor()));
        assertThat(health.state(old, false, now)).isEqualTo(HealthState.DISABLED);
    }

    @Test
    void aWindowThatFindsThePosUpToDateCountsAsASuccessfulSync() {
        try (var pos = SimulatedPos.start(fixtures, connections)) {
            pos.book(reservations, guests, 2, null);
            Instant delivered = await("a delivery", FEW_SECONDS, () -> rowOf(pos),
                    r -> r.lastSuccessfulSync() != null).lastSuccessfulSync();
            Instant beforeWindow = Instant.now();

            var summary = sync.reconcile(pos.connectionId(), SyncWindow.SHORT, "test");

            assertThat(summary).hasValueSatisfying(run -> assertThat(run.sent()).isZero());
            assertThat(rowOf(pos).lastSuccessfulSync()).isAfter(delivered).isAfterOrEqualTo(beforeWindow.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
    }

    @Test
    void aDisabledConnectionIsDisabled() {
        try (var pos = SimulatedPos.start(fixtures, connections)) {
            pos.asOwner(() -> connections.setEnabled(pos.restaurantId(), pos.connectionId(), false));
            assertThat(rowOf(pos).state()).isEqualTo(HealthState.DISABLED);
        }
    }

    @Test
    void theGridPutsLongFailuresFirstAndShowsEachRoleOnlyWhatItMaySee() {
        Instant now = Instant.now();
        var tenant = fixtures.tenant();
        var otherTenant = fixtures.tenant();
        PartnerConnection longFailure = history.connection(tenant, tenant.restaurant().getId());
        PartnerConnection recentFailure = history.connection(tenant, tenant.sibling().getId());
        PartnerConnection healthy = history.connection(otherTenant, otherTenant.restaurant().getId());
        PartnerConnection disabled = history.connection(otherTenant, otherTenant.sibling().getId());
        history.failed(longFailure, now.minus(Duration.ofHours(2)));
        history.failed(recentFailure, now.minus(Duration.ofMinutes(2)));
        history.delivered(healthy, now.minus(Duration.ofMinutes(1)), Duration.ofMillis(300));
        history.disable(otherTenant, disabled);

        List<Long> order = fixtures.runAs(fixtures.staff(AppRole.ONBOARDING), () -> health.page(0, 100_000)).stream()
                .map(ConnectionHealthRow::connectionId)
                .filter(id -> List.of(longFailure.getId(), recentFailure.getId(), healthy.getId(), disabled.getId())
                        .contains(id))
                .toList();
        assertThat(order).containsExactly(longFailure.getId(), recentFailure.getId(), healthy.getId(), disabled.getId());

        List<ConnectionHealthRow> supportRows = fixtures.runAs(tenant.support(), () -> health.page(0, 1000));
        assertThat(supportRows).extracting(ConnectionHealthRow::connectionId)
                .containsExactly(longFailure.getId(), recentFailure.getId());
        assertThat(supportRows).extracting(ConnectionHealthRow::state)
                .containsExactly(HealthState.FAILING, HealthState.DEGRADED);
        assertThat(fixtures.runAs(tenant.support(), () -> health.count())).isEqualTo(2);

        assertThat(fixtures.runAs(tenant.owner(), () -> health.page(0, 1000)))
                .extracting(ConnectionHealthRow::connectionId).containsExactly(longFailure.getId());
        assertThat(fixtures.runAs(otherTenant.owner(), () -> health.page(0, 1000)))
                .extracting(ConnectionHealthRow::state).containsExactly(HealthState.HEALTHY);
        assertThatThrownBy(() -> fixtures.runAs(otherTenant.support(),
                () -> health.get(tenant.restaurant().getId(), longFailure.getId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.runAs(tenant.owner(),
                () -> health.get(tenant.restaurant().getId(), healthy.getId())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void stalenessTurnsAmberThenRed() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        assertThat(Staleness.of(now.minus(Duration.ofMinutes(14)), now, settings)).isEqualTo(Staleness.FRESH);
        assertThat(Staleness.of(now.minus(settings.staleAmberAfter()), now, settings)).isEqualTo(Staleness.AMBER);
        assertThat(Staleness.of(now.minus(settings.staleRedAfter()), now, settings)).isEqualTo(Staleness.RED);
        assertThat(Staleness.of(null, now, settings)).isEqualTo(Staleness.RED);
    }

    private ConnectionHealthRow rowOf(SimulatedPos pos) {
        return pos.asOwner(() -> health.get(pos.restaurantId(), pos.connectionId()));
    }
}
