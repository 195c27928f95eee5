package io.passerelle.reservation;

import java.time.Instant;
import java.util.Comparator;

/** A place in the pull feed's change order (updatedAt, id): the feed continues after it. */
public record FeedPosition(Instant updatedAt, long id) implements Comparable<FeedPosition> {

    public static final FeedPosition START = new FeedPosition(Instant.EPOCH, 0);

    private static final Comparator<FeedPosition> CHANGE_ORDER =
            Comparator.comparing(FeedPosition::updatedAt).thenComparingLong(FeedPosition::id);

    public static FeedPosition of(Reservation reservation) {
        return new FeedPosition(reservation.getUpdatedAt(), reservation.getId());
    }

    public FeedPosition laterOf(FeedPosition other) {
        return compareTo(other) >= 0 ? this : other;
    }

    @Override
    public int compareTo(FeedPosition other) {
        return CHANGE_ORDER.compare(this, other);
    }
}
