package io.passerelle.simulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The till's own copy of the restaurant's reservations, newest version of each. */
final class ReservationBook {

    enum Filing {
        /** New, or newer than the copy we had. */
        FILED,
        /** The same or an older version than the copy we had: a late or repeated delivery, ignored. */
        STALE
    }

    /** @param receivedVia {@code webhook} or {@code pull} */
    record Entry(Reservation reservation, String receivedVia, Instant receivedAt) {}

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    Filing file(Reservation incoming, String receivedVia, Instant receivedAt) {
        incoming.requireFileable();
        Entry offered = new Entry(incoming, receivedVia, receivedAt);
        Entry kept = entries.merge(incoming.id(), offered, (known, candidate) ->
                candidate.reservation().version() > known.reservation().version() ? candidate : known);
        return kept == offered ? Filing.FILED : Filing.STALE;
    }

    Optional<Reservation> find(String reservationId) {
        return Optional.ofNullable(entries.get(reservationId)).map(Entry::reservation);
    }

    List<Entry> entries() {
        return entries.values().stream()
                .sorted(Comparator.comparing((Entry entry) -> entry.reservation().start(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
