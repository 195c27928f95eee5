package io.passerelle.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A table, named as the restaurant names it ("T12", "Terrazza 3"): push-style POS partners need the
 * very same names on both sides. Names are unique per restaurant.
 */
@Entity
@Table(name = "dining_table")
public class DiningTable {

    public static final int NAME_MAX_LENGTH = 60;
    public static final int MIN_SEATS = 1;
    public static final int MAX_SEATS = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "restaurant_id", nullable = false, updatable = false)
    private long restaurantId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "room_id")
    private Room room;

    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Column(nullable = false)
    private int seats;

    protected DiningTable() {}

    DiningTable(long restaurantId, String name, int seats, Room room) {
        this.restaurantId = restaurantId;
        update(name, seats, room);
    }

    void update(String name, int seats, Room room) {
        this.name = name;
        this.seats = seats;
        this.room = room;
    }

    public Long getId() {
        return id;
    }

    public long getRestaurantId() {
        return restaurantId;
    }

    public String getName() {
        return name;
    }

    public int getSeats() {
        return seats;
    }

    /** The room, or null; loaded with the table by the service's list queries. */
    public Room getRoom() {
        return room;
    }

    public DiningTableDetails toDetails() {
        return new DiningTableDetails(name, seats, room == null ? null : room.getId());
    }
}
