package io.passerelle.reservation;

import java.time.Instant;

/** A place in the pull feed's change order (updatedAt, id): the feed continues after it. */
public record FeedPosition(Instant updatedAt, long id) {

    public static final FeedPosition START = new FeedPosition(Instant.EPOCH, 0);

    public static FeedPosition of(Reservation reservation) {
        return new FeedPosition(reservation.getUpdatedAt(), reservation.getId());
    }
}
