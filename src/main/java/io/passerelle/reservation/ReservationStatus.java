package io.passerelle.reservation;

import io.passerelle.shared.RuleViolationException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a reservation stands. The allowed moves are the table below; anything else is refused, so
 * the platform and the POS never disagree on what a status means.
 */
public enum ReservationStatus {
    PENDING,
    CONFIRMED,
    ARRIVED,
    FINISHED,
    NO_SHOW,
    REFUSED,
    CANCELLED;

    private static final Map<ReservationStatus, Set<ReservationStatus>> ALLOWED_TRANSITIONS =
            new EnumMap<>(ReservationStatus.class);

    static {
        ALLOWED_TRANSITIONS.put(PENDING, EnumSet.of(CONFIRMED, REFUSED, CANCELLED));
        // Only a confirmed reservation can be seated: the POS attaches confirmed ones only (DOMAIN rule 7).
        ALLOWED_TRANSITIONS.put(CONFIRMED, EnumSet.of(ARRIVED, NO_SHOW, CANCELLED));
        ALLOWED_TRANSITIONS.put(ARRIVED, EnumSet.of(FINISHED));
        ALLOWED_TRANSITIONS.put(FINISHED, EnumSet.noneOf(ReservationStatus.class));
        ALLOWED_TRANSITIONS.put(NO_SHOW, EnumSet.noneOf(ReservationStatus.class));
        ALLOWED_TRANSITIONS.put(REFUSED, EnumSet.noneOf(ReservationStatus.class));
        ALLOWED_TRANSITIONS.put(CANCELLED, EnumSet.noneOf(ReservationStatus.class));
    }

    /** The statuses this one may change to, in declaration order. */
    public Set<ReservationStatus> allowedNext() {
        return Collections.unmodifiableSet(ALLOWED_TRANSITIONS.get(this));
    }

    public boolean canChangeTo(ReservationStatus next) {
        return ALLOWED_TRANSITIONS.get(this).contains(next);
    }

    /** Throws a rule violation on the "status" field unless the move is in the table. */
    public void checkChangeTo(ReservationStatus next) {
        if (!canChangeTo(next)) {
            throw new RuleViolationException("status", "reservation.error.illegal-transition",
                    "A reservation cannot change from " + this + " to " + next, this, next);
        }
    }

    public boolean isFinal() {
        return ALLOWED_TRANSITIONS.get(this).isEmpty();
    }

    /** What staff may restore a missed reservation to when they un-park it (it was, e.g., cancelled by mistake). */
    public static final Set<ReservationStatus> RESTORABLE = Collections.unmodifiableSet(EnumSet.of(PENDING, CONFIRMED));

    /** No-show, refused or cancelled: sent to the POS once as "missed", then never again (unless un-parked). */
    public boolean isMissed() {
        return this == NO_SHOW || this == REFUSED || this == CANCELLED;
    }
}
