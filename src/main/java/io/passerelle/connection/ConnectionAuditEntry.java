package io.passerelle.connection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change to a connection: who, when, what. {@link #getDetails()} names what changed (field names,
 * a test outcome, an API key's hint) and never holds a secret or a URL.
 */
@Entity
@Table(name = "connection_audit")
public class ConnectionAuditEntry {

    public static final int DETAILS_MAX_LENGTH = 1000;
    /** The actor when the sync engine, not a person, changed a connection. */
    public static final String SYNC_ENGINE = "sync-engine";
    /** The details of a connection disabled because its POS answered 410 Gone. */
    public static final String POS_GONE = "pos-gone";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "connection_id", nullable = false, updatable = false)
    private long connectionId;

    @Column(name = "restaurant_id", nullable = false, updatable = false)
    private long restaurantId;

    @Column(nullable = false, updatable = false, length = 254)
    private String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 32)
    private AuditAction action;

    @Column(updatable = false, length = DETAILS_MAX_LENGTH)
    private String details;

    protected ConnectionAuditEntry() {}

    ConnectionAuditEntry(PartnerConnection connection, String actor, Instant occurredAt, AuditAction action,
            String details) {
        this.connectionId = connection.getId();
        this.restaurantId = connection.getRestaurantId();
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.action = action;
        this.details = details;
    }

    public Long getId() {
        return id;
    }

    public long getConnectionId() {
        return connectionId;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getDetails() {
        return details;
    }
}
