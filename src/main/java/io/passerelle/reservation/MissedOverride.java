package io.passerelle.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The audit of one un-parked missed reservation: who moved it back from which status to which, when and why. */
@Entity
@Table(name = "missed_override")
public class MissedOverride {

    public static final int REASON_MAX_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "restaurant_id", nullable = false, updatable = false)
    private long restaurantId;

    @Column(name = "reservation_id", nullable = false, updatable = false)
    private long reservationId;

    @Column(nullable = false, updatable = false, length = 254)
    private String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, updatable = false, length = 16)
    private ReservationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false, length = 16)
    private ReservationStatus toStatus;

    @Column(nullable = false, updatable = false, length = REASON_MAX_LENGTH)
    private String reason;

    protected MissedOverride() {}

    MissedOverride(Reservation reservation, String actor, Instant occurredAt, ReservationStatus fromStatus,
            String reason) {
        this.restaurantId = reservation.getRestaurantId();
        this.reservationId = reservation.getId();
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.fromStatus = fromStatus;
        this.toStatus = reservation.getStatus();
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public long getRestaurantId() {
        return restaurantId;
    }

    public long getReservationId() {
        return reservationId;
    }

    /** The staff member's user name (e-mail). */
    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public ReservationStatus getFromStatus() {
        return fromStatus;
    }

    public ReservationStatus getToStatus() {
        return toStatus;
    }

    public String getReason() {
        return reason;
    }
}
