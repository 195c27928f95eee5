package io.passerelle.health;

import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.connection.ConnectPartner;
import io.passerelle.connection.ConnectionDetails;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.sync.DeliveriesAttempted;
import io.passerelle.sync.DeliveryAttempted;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationEventPublisher;

/** Connections with a history: delivery events as the sync engine publishes them, at chosen times. */
@TestComponent
public class HealthFixtures {

    static final String PULL_PARTNER = "cassasmart";

    private final TestFixtures fixtures;
    private final ConnectionService connections;
    private final ApplicationEventPublisher events;

    HealthFixtures(TestFixtures fixtures, ConnectionService connections, ApplicationEventPublisher events) {
        this.fixtures = fixtures;
        this.connections = connections;
        this.events = events;
    }

    /** An enabled pull-style connection of the restaurant. */
    public PartnerConnection connection(Tenant tenant, long restaurantId) {
        return fixtures.runAs(tenant.support(), () -> connections.connect(new ConnectPartner(restaurantId, PULL_PARTNER,
                new ConnectionDetails(null, null, null, null, Set.of(), true))));
    }

    public void disable(Tenant tenant, PartnerConnection connection) {
        fixtures.runAs(tenant.support(), () -> connections.setEnabled(connection.getRestaurantId(), connection.getId(),
                false));
    }

    public void failed(PartnerConnection connection, Instant at) {
        events.publishEvent(new DeliveriesAttempted(List.of(new DeliveryAttempted(connection.getRestaurantId(),
                connection.getId(), at, DeliveryAttempted.Outcome.CONNECTION_FAILED, Duration.ofSeconds(1)))));
    }

    public void delivered(PartnerConnection connection, Instant at, Duration delay) {
        events.publishEvent(new DeliveriesAttempted(List.of(new DeliveryAttempted(connection.getRestaurantId(),
                connection.getId(), at, DeliveryAttempted.Outcome.DELIVERED, delay))));
    }
}
