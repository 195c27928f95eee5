package io.passerelle.reservation;

import java.time.LocalDate;

/**
 * How far a pull has gone in its window of days [from, to]: the days [caughtUpFrom, caughtUpTo] are served up to
 * {@code position}, the window's other days (new to it when the window slid) only up to {@code othersPosition},
 * which is never later. Once both meet, the whole window is caught up to one position.
 */
public record FeedProgress(LocalDate from, LocalDate to, LocalDate caughtUpFrom, LocalDate caughtUpTo,
        FeedPosition position, FeedPosition othersPosition) {

    /** Nothing served yet. */
    public static FeedProgress start(LocalDate from, LocalDate to) {
        return caughtUp(from, to, FeedPosition.START);
    }

    /** Every day of the window served up to {@code position}. */
    public static FeedProgress caughtUp(LocalDate from, LocalDate to, FeedPosition position) {
        return new FeedProgress(from, to, from, to, position, position);
    }

    public boolean isCaughtUp() {
        return caughtUpFrom.equals(from) && caughtUpTo.equals(to) && position.equals(othersPosition);
    }

    /**
     * This progress carried over to the window [from, to]: days it already covered keep their position, days it
     * did not (the window slid, or widened) are served in full. Rather than keep three positions, days on their
     * way to catching up start over too then: served twice at worst, never missed.
     */
    public FeedProgress forWindow(LocalDate from, LocalDate to) {
        boolean newDays = from.isBefore(this.from) || to.isAfter(this.to);
        LocalDate keptFrom = from.isAfter(caughtUpFrom) ? from : caughtUpFrom;
        LocalDate keptTo = to.isBefore(caughtUpTo) ? to : caughtUpTo;
        // no days kept: an empty range (from after to) that no reservation starts in
        return new FeedProgress(from, to, keptFrom, keptTo, position, newDays ? FeedPosition.START : othersPosition);
    }

    /**
     * Once everything up to {@code reached} in change order was served, on the days of either position.
     *
     * @param exhausted nothing settled is left after it: the whole window is caught up
     */
    public FeedProgress after(FeedPosition reached, boolean exhausted) {
        FeedPosition caughtUpPosition = position.laterOf(reached);
        FeedPosition othersReached = othersPosition.laterOf(reached);
        if (exhausted || othersReached.compareTo(caughtUpPosition) >= 0) {
            return caughtUp(from, to, caughtUpPosition.laterOf(othersReached));
        }
        return new FeedProgress(from, to, caughtUpFrom, caughtUpTo, caughtUpPosition, othersReached);
    }
}
