package io.passerelle.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The audit of one walk-in merged into a booking: who, when, and what moved. */
@Entity
@Table(name = "walk_in_merge")
public class WalkInMerge {

    public static final int ACTOR_MAX_LENGTH = 254;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "restaurant_id", nullable = false, updatable = false)
    private long restaurantId;

    @Column(name = "walk_in_id", nullable = false, updatable = false)
    private long walkInId;

    @Column(name = "reservation_id", nullable = false, updatable = false)
    private long reservationId;

    @Column(nullable = false, updatable = false, length = ACTOR_MAX_LENGTH)
    private String actor;

    @Column(name = "merged_at", nullable = false, updatable = false)
    private Instant mergedAt;

    @Column(name = "orders_moved", nullable = false, updatable = false)
    private int ordersMoved;

    /** Closed bills counted in the booking's guest's statistics by the merge (they were counted for nobody). */
    @Column(name = "visits_counted", nullable = false, updatable = false)
    private int visitsCounted;

    protected WalkInMerge() {}

    WalkInMerge(Reservation walkIn, Reservation reservation, String actor, Instant mergedAt, int ordersMoved,
            int visitsCounted) {
        this.restaurantId = reservation.getRestaurantId();
        this.walkInId = walkIn.getId();
        this.reservationId = reservation.getId();
        this.actor = actor;
        this.mergedAt = mergedAt;
        this.ordersMoved = ordersMoved;
        this.visitsCounted = visitsCounted;
    }

    public Long getId() {
        return id;
    }

    public long getRestaurantId() {
        return restaurantId;
    }

    public long getWalkInId() {
        return walkInId;
    }

    public long getReservationId() {
        return reservationId;
    }

    public String getActor() {
        return actor;
    }

    public Instant getMergedAt() {
        return mergedAt;
    }

    public int getOrdersMoved() {
        return ordersMoved;
    }

    public int getVisitsCounted() {
        return visitsCounted;
    }
}
