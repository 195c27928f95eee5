package io.passerelle.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A dining room ("Sala", "Terrasse"); tables may belong to one. Names are unique per restaurant. */
@Entity
public class Room {

    public static final int NAME_MAX_LENGTH = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "restaurant_id", nullable = false, updatable = false)
    private long restaurantId;

    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    protected Room() {}

    Room(long restaurantId, String name) {
        this.restaurantId = restaurantId;
        this.name = name;
    }

    void rename(String name) {
        this.name = name;
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
}
